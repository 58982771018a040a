package org.duban.api.reporting;

/** @param round 1 for the first submission, 2 after the first return, … */
public record ReportSubmitted(String taskId, String periodKey, String unitId, int round, ReportContent content) {
}
