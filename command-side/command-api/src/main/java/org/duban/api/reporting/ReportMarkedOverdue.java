package org.duban.api.reporting;

import java.time.LocalDate;

public record ReportMarkedOverdue(String taskId, String periodKey, LocalDate overdueOn) {
}
