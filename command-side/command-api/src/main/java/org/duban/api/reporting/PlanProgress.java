package org.duban.api.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * A plan's progress in numbers.
 *
 * @param periods every period with a report opened, the latest first
 */
public record PlanProgress(String planId, int tasks, int acknowledged, List<Period> periods) {

    public PlanProgress {
        periods = List.copyOf(periods);
    }

    /** The latest period opened, if any. */
    public Period current() {
        return periods.isEmpty() ? null : periods.get(0);
    }

    /**
     * The reports of one period: {@code withUnit} still to be written (open, drafted or returned), {@code returned}
     * of them sent back; {@code overdue} marked overdue and not accepted.
     */
    public record Period(String periodKey, LocalDate start, int reports, int withUnit, int submitted, int accepted,
                         int returned, int overdue) {
    }
}
