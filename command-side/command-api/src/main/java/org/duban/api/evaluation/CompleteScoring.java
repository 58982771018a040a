package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** An evaluator hands in their scores: every item they have no conflict with must be scored. */
public record CompleteScoring(@TargetAggregateIdentifier String roundId, String evaluator) {
    public CompleteScoring {
        Require.id(roundId, "roundId");
        Require.id(evaluator, "evaluator");
    }
}
