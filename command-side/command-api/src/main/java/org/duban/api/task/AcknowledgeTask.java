package org.duban.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/** The lead unit accepts the task as assigned (签收). {@code unitId} is the acting user's unit. */
public record AcknowledgeTask(@TargetAggregateIdentifier String taskId, String unitId) {
    public AcknowledgeTask {
        Require.id(taskId, "taskId");
        Require.id(unitId, "unitId");
    }
}
