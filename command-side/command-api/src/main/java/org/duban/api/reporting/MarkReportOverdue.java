package org.duban.api.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/**
 * Marks a report not submitted by its due date plus grace as overdue (逾期) and escalates it to the supervisors;
 * answers whether it was marked.
 */
public record MarkReportOverdue(@TargetAggregateIdentifier String taskId, String periodKey) {
    public MarkReportOverdue {
        Require.id(taskId, "taskId");
        Require.id(periodKey, "period");
    }
}
