package org.duban.api.reporting;

import org.duban.api.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

import java.util.List;

/** A co-unit's part of a period's report, which the lead unit sees while writing the consolidated report. */
public record SubmitContribution(@TargetAggregateIdentifier String taskId, String periodKey, String unitId,
                                 String text, List<EvidenceRef> evidence) {
    public SubmitContribution {
        Require.id(taskId, "taskId");
        Require.id(periodKey, "period");
        Require.id(unitId, "unitId");
        text = Require.text(text, "contribution text", Limits.NARRATIVE);
        evidence = Require.atMost(evidence, "evidence", Limits.EVIDENCE_FILES);
    }
}
