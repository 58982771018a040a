package org.duban.api.task;

import org.duban.api.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/** The supervisor rejects the pending adjustment, saying why; the task stays as assigned. */
public record RejectTaskAdjustment(@TargetAggregateIdentifier String taskId, String adjustmentId, String reason) {
    public RejectTaskAdjustment {
        Require.id(taskId, "taskId");
        Require.id(adjustmentId, "adjustmentId");
        reason = Require.text(reason, "reason", Limits.REASON);
    }
}
