package org.duban.api.reporting;

public record ReportAccepted(String taskId, String periodKey, int round, String comment) {
}
