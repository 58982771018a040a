package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** Adds an evaluator to a round before its scoring closes. */
public record AppointEvaluator(@TargetAggregateIdentifier String roundId, Evaluator evaluator) {
    public AppointEvaluator {
        Require.id(roundId, "roundId");
        Require.present(evaluator, "evaluator");
    }
}
