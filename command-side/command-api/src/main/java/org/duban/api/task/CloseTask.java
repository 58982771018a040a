package org.duban.api.task;

import org.duban.api.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/** Close-out (销号): no report is taken for the task afterwards. */
public record CloseTask(@TargetAggregateIdentifier String taskId, String reason) {
    public CloseTask {
        Require.id(taskId, "taskId");
        reason = Require.text(reason, "reason", Limits.REASON);
    }
}
