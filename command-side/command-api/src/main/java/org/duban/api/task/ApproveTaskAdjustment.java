package org.duban.api.task;

import org.duban.api.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/** The supervisor approves the pending adjustment; text, due date and unit changes apply to the task at once. */
public record ApproveTaskAdjustment(@TargetAggregateIdentifier String taskId, String adjustmentId, String reason) {
    public ApproveTaskAdjustment {
        Require.id(taskId, "taskId");
        Require.id(adjustmentId, "adjustmentId");
        reason = Require.optionalText(reason, "reason", Limits.REASON);
    }
}
