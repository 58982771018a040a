package org.duban.api.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/** The lead unit submits the consolidated report of a period for review. */
public record SubmitReport(@TargetAggregateIdentifier String taskId, String periodKey, String unitId,
                           ReportContent content) {
    public SubmitReport {
        Require.text(taskId, "taskId");
        Require.text(periodKey, "period");
        Require.text(unitId, "unitId");
        Require.present(content, "report content");
    }
}
