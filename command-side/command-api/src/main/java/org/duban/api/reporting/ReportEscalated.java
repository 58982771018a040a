package org.duban.api.reporting;

public record ReportEscalated(String taskId, String periodKey) {
}
