package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** The timer marks an evaluator overdue after the scoring's due day; answers false if they handed in. */
public record MarkScoringOverdue(@TargetAggregateIdentifier String roundId, String evaluator) {
    public MarkScoringOverdue {
        Require.id(roundId, "roundId");
        Require.id(evaluator, "evaluator");
    }
}
