package org.duban.api.reporting;

import org.duban.api.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/** The supervisor sends a submitted report back to the unit (退回), saying why. */
public record ReturnReport(@TargetAggregateIdentifier String taskId, String periodKey, String reason) {
    public ReturnReport {
        Require.id(taskId, "taskId");
        Require.id(periodKey, "period");
        reason = Require.text(reason, "reason", Limits.REASON);
    }
}
