package org.duban.api.supervision;

import java.time.LocalDate;

/**
 * The reports of every plan marked overdue and still with their unit whose overdue day is {@code overdueOnOrBefore}
 * or earlier, for the rule that opens a supervision case on a report overdue for long; answered as a list of
 * {@link Report}. (A plan's or unit's overdue list for people is {@link FindOverdueReports}.)
 */
public record FindLongOverdueReports(LocalDate overdueOnOrBefore) {
    /** A report still with its unit, overdue since {@code overdueOn}. */
    public record Report(String taskId, String planId, String periodKey, LocalDate overdueOn) {
    }
}
