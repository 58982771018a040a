package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** An evaluator scores one item (again, to change it) while their scoring is open. */
public record ScoreRoundItem(@TargetAggregateIdentifier String roundId, String evaluator, ItemScore score) {
    public ScoreRoundItem {
        Require.id(roundId, "roundId");
        Require.id(evaluator, "evaluator");
        Require.present(score, "score");
    }
}
