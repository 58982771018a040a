package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** The timer's reminder to a unit that has not assessed itself; answers false, recording nothing, if it has. */
public record RemindSelfAssessment(@TargetAggregateIdentifier String roundId, String unitId) {
    public RemindSelfAssessment {
        Require.id(roundId, "roundId");
        Require.id(unitId, "unitId");
    }
}
