package org.duban.api.task;

public record TaskAdjustmentRequested(String taskId, String unitId, String adjustmentId, AdjustmentKind kind,
                                      String proposal, String reason) {
}
