package org.duban.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/**
 * The co-units' time to confirm their part has passed (the task's acknowledgement date): every confirmation not
 * given expires. Answers whether any expired; expiring again changes nothing.
 */
public record ExpireCoUnitConfirmations(@TargetAggregateIdentifier String taskId) {
    public ExpireCoUnitConfirmations {
        Require.id(taskId, "taskId");
    }
}
