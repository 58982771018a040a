package org.duban.app.demo;

import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.ReportingPeriod;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The periods the demo opens, oldest first: the current one (the plan's last, once its years are over), the one
 * before, and further back until the oldest is overdue by today, so that a first start has both a report to write now
 * and one the overdue timer marks, whatever the day of the quarter. Only periods within the plan's years.
 */
final class DemoPeriods {
    // a quarterly cadence never needs more: a period's overdue date falls within the next period
    private static final int AT_MOST = 4;

    private DemoPeriods() {
    }

    static List<ReportingPeriod> choose(Cadence cadence, LocalDate today, int startYear, int endYear,
                                        Function<ReportingPeriod, LocalDate> overdueOn) {
        LocalDate lastDay = LocalDate.of(endYear, 12, 31);
        List<ReportingPeriod> periods = new ArrayList<>();
        ReportingPeriod period = cadence.periodOf(today.isAfter(lastDay) ? lastDay : today);
        while (period.start().getYear() >= startYear && periods.size() < AT_MOST) {
            periods.add(0, period);
            if (periods.size() >= 2 && !overdueOn.apply(period).isAfter(today)) {
                break;
            }
            period = cadence.periodOf(period.start().minusDays(1));
        }
        return periods;
    }
}
