package org.duban.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

import java.time.LocalDate;

/** Hands a task of a published plan to its lead unit (下达), to be acknowledged by the given working day. */
public record AssignTask(@TargetAggregateIdentifier String taskId, LocalDate acknowledgeBy) {
    public AssignTask {
        Require.id(taskId, "taskId");
        Require.present(acknowledgeBy, "acknowledgeBy");
    }
}
