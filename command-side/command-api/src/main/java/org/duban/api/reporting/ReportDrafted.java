package org.duban.api.reporting;

public record ReportDrafted(String taskId, String periodKey, String unitId, ReportContent content) {
}
