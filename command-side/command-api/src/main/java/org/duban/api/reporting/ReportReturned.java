package org.duban.api.reporting;

public record ReportReturned(String taskId, String periodKey, int round, String reason) {
}
