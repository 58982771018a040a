package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** Closes a published round once its results are followed up; evaluator access ends. */
public record CloseEvaluationRound(@TargetAggregateIdentifier String roundId) {
    public CloseEvaluationRound {
        Require.id(roundId, "roundId");
    }
}
