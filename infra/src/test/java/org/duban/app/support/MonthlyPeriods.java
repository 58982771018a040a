package org.duban.app.support;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Keys of monthly reporting periods ({@code 2026-M12}) for tools that open periods over the API. */
public final class MonthlyPeriods {
    private MonthlyPeriods() {
    }

    /** {@code count} months from this month on, kept within the plan's years (moved back when they would end after it). */
    public static List<String> months(int startYear, int endYear, int count) {
        YearMonth last = YearMonth.of(endYear, 12);
        YearMonth first = YearMonth.from(LocalDate.now());
        if (first.plusMonths(count - 1).isAfter(last)) {
            first = last.minusMonths(count - 1);
        }
        if (first.isBefore(YearMonth.of(startYear, 1))) {
            first = YearMonth.of(startYear, 1);
        }
        List<String> keys = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last) && keys.size() < count; month = month.plusMonths(1)) {
            keys.add(String.format("%d-M%02d", month.getYear(), month.getMonthValue()));
        }
        return keys;
    }
}
