package org.duban.api.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/** The lead unit submits the consolidated report of a period for review. */
public record SubmitReport(@TargetAggregateIdentifier String taskId, String periodKey, String unitId,
                           ReportContent content) {
    public SubmitReport {
        Require.id(taskId, "taskId");
        Require.id(periodKey, "period");
        Require.id(unitId, "unitId");
        Require.present(content, "report content");
    }
}
