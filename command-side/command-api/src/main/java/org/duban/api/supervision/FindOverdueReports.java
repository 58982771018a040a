package org.duban.api.supervision;

import java.time.LocalDate;

/**
 * The reports marked overdue and still with their unit whose overdue day is {@code overdueOnOrBefore} or earlier, for
 * the rule that opens a supervision case on a report overdue for long; answered as a list of {@link OverdueReport}.
 */
public record FindOverdueReports(LocalDate overdueOnOrBefore) {
    /** A report still with its unit, overdue since {@code overdueOn}. */
    public record OverdueReport(String taskId, String planId, String periodKey, LocalDate overdueOn) {
    }
}
