package org.duban.api.task;

import java.time.LocalDate;

/** An approved adjustment moved the task's due date; assessments use the date in force when they run. */
public record TaskDueDateAdjusted(String taskId, String planId, String adjustmentId, LocalDate fromDueDate, LocalDate toDueDate) {
}
