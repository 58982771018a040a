package org.duban.api.task;

public record TaskAdjustmentApproved(String taskId, String adjustmentId, AdjustmentKind kind, String proposal,
                                     String reason) {
}
