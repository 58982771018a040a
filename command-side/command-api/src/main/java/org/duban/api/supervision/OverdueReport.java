package org.duban.api.supervision;

import java.time.LocalDate;

/**
 * A progress report marked overdue and not accepted yet.
 *
 * @param daysOverdue calendar days from the day it was due to the day asked about
 */
public record OverdueReport(String taskId, String planId, String shownNumber, String text, String leadUnitId,
                            String leadUnitName, String periodKey, LocalDate dueOn, String reportStatus,
                            long daysOverdue) {
}
