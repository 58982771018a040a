package org.duban.api.reporting;

/**
 * A report the supervisors returned and the unit has not resubmitted yet.
 *
 * @param reason why it was returned, as the supervisor wrote it in the last round
 */
public record ReturnedReport(String taskId, String periodKey, String reason) {
}
