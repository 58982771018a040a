package org.duban.api.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/** Puts an overdue report into the supervisors' inbox (升级督办). */
public record EscalateReport(@TargetAggregateIdentifier String taskId, String periodKey) {
    public EscalateReport {
        Require.text(taskId, "taskId");
        Require.text(periodKey, "period");
    }
}
