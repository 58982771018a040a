package org.duban.api.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/**
 * The period closes for the co-units (its report is overdue): every contribution not given by then ends. Answers
 * whether any ended; closing again changes nothing.
 */
public record CloseContributions(@TargetAggregateIdentifier String taskId, String periodKey) {
    public CloseContributions {
        Require.id(taskId, "taskId");
        Require.id(periodKey, "period");
    }
}
