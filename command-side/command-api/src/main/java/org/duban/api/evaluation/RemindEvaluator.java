package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** The timer's reminder to an evaluator who has not handed in; answers false, recording nothing, if they have. */
public record RemindEvaluator(@TargetAggregateIdentifier String roundId, String evaluator) {
    public RemindEvaluator {
        Require.id(roundId, "roundId");
        Require.id(evaluator, "evaluator");
    }
}
