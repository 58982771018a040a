package org.duban.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/**
 * A co-unit confirms it has been told of its part in an assigned task (知悉). {@code unitId} is the acting user's
 * unit.
 */
public record ConfirmCoUnitPart(@TargetAggregateIdentifier String taskId, String unitId) {
    public ConfirmCoUnitPart {
        Require.id(taskId, "taskId");
        Require.id(unitId, "unitId");
    }
}
