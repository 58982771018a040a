package org.duban.api.reporting;

import org.duban.api.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/** The supervisor accepts a submitted report (审核通过). */
public record AcceptReport(@TargetAggregateIdentifier String taskId, String periodKey, String comment) {
    public AcceptReport {
        Require.id(taskId, "taskId");
        Require.id(periodKey, "period");
        comment = Require.optionalText(comment, "comment", Limits.REASON);
    }
}
