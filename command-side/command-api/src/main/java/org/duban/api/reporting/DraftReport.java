package org.duban.api.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/** Saves the lead unit's report without submitting it, so that nothing written is lost. */
public record DraftReport(@TargetAggregateIdentifier String taskId, String periodKey, String unitId,
                          ReportContent content) {
    public DraftReport {
        Require.id(taskId, "taskId");
        Require.id(periodKey, "period");
        Require.id(unitId, "unitId");
        Require.present(content, "report content");
    }
}
