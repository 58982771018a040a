package org.duban.api.reporting;

import java.time.LocalDate;

public record ReportReminded(String taskId, String periodKey, LocalDate dueOn, String note) {
}
