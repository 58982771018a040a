package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** Cancels a round before publication, with the reason. */
public record CancelEvaluationRound(@TargetAggregateIdentifier String roundId, String reason) {
    public CancelEvaluationRound {
        Require.id(roundId, "roundId");
        reason = Require.text(reason, "reason", Limits.REASON);
    }
}
