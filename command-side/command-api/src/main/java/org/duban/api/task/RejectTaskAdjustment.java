package org.duban.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/** The supervisor rejects the pending adjustment, saying why; the task stays as assigned. */
public record RejectTaskAdjustment(@TargetAggregateIdentifier String taskId, String adjustmentId, String reason) {
    public RejectTaskAdjustment {
        Require.text(taskId, "taskId");
        Require.text(adjustmentId, "adjustmentId");
        reason = Require.text(reason, "reason");
    }
}
