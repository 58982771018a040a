package org.duban.api.task;

public record TaskAdjustmentRejected(String taskId, String adjustmentId, String reason) {
}
