package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** The timer marks a unit overdue after the due day; answers false, recording nothing, if it has submitted. */
public record MarkSelfAssessmentOverdue(@TargetAggregateIdentifier String roundId, String unitId) {
    public MarkSelfAssessmentOverdue {
        Require.id(roundId, "roundId");
        Require.id(unitId, "unitId");
    }
}
