package org.duban.api.reporting;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How often units report on a plan's tasks; each period is named by a key such as 2025-Q1. */
public enum Cadence {
    MONTHLY(1), QUARTERLY(3), HALF_YEARLY(6), YEARLY(12);

    private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-(M(\\d{2})|Q([1-4])|H([12])))?");
    private final int months;

    Cadence(int months) {
        this.months = months;
    }

    /** The period containing the given day. */
    public ReportingPeriod periodOf(LocalDate day) {
        int index = (day.getMonthValue() - 1) / months;
        LocalDate start = LocalDate.of(day.getYear(), index * months + 1, 1);
        return new ReportingPeriod(key(start, index), start, start.plusMonths(months).minusDays(1));
    }

    /** Reads 2025-M03, 2025-Q1, 2025-H2 or 2025; refuses a key of another cadence. */
    public ReportingPeriod period(String key) {
        Matcher matcher = KEY.matcher(key == null ? "" : key.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("period \"" + key + "\" is not like 2025-M03, 2025-Q1, 2025-H2 or 2025");
        }
        int year = Integer.parseInt(matcher.group(1));
        if (year < 1949 || year > 2200) {
            throw new IllegalArgumentException("period \"" + key + "\" is not in a plausible year");
        }
        int index = switch (this) {
            case MONTHLY -> matcher.group(3) == null ? -1 : Integer.parseInt(matcher.group(3)) - 1;
            case QUARTERLY -> matcher.group(4) == null ? -1 : Integer.parseInt(matcher.group(4)) - 1;
            case HALF_YEARLY -> matcher.group(5) == null ? -1 : Integer.parseInt(matcher.group(5)) - 1;
            case YEARLY -> matcher.group(2) == null ? 0 : -1;
        };
        if (index < 0 || index * months >= 12) {
            throw new IllegalArgumentException("period \"" + key + "\" does not fit the " + name().toLowerCase() + " cadence");
        }
        LocalDate start = LocalDate.of(year, index * months + 1, 1);
        return new ReportingPeriod(key(start, index), start, start.plusMonths(months).minusDays(1));
    }

    private String key(LocalDate start, int index) {
        return switch (this) {
            case MONTHLY -> String.format("%d-M%02d", start.getYear(), start.getMonthValue());
            case QUARTERLY -> start.getYear() + "-Q" + (index + 1);
            case HALF_YEARLY -> start.getYear() + "-H" + (index + 1);
            case YEARLY -> String.valueOf(start.getYear());
        };
    }
}
