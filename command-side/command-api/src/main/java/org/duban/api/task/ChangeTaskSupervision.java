package org.duban.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** The task follows its plan to the office that now supervises it. */
public record ChangeTaskSupervision(@TargetAggregateIdentifier String taskId, String office) {
    public ChangeTaskSupervision {
        Require.id(taskId, "taskId");
        office = Require.text(office, "office", Limits.NAME);
    }
}
