package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

import java.math.BigDecimal;

/** A supervisor settles a divergent item's score, with the reason. */
public record ReconcileItemScore(@TargetAggregateIdentifier String roundId, String itemId, BigDecimal score,
                                 String reason) {
    public ReconcileItemScore {
        Require.id(roundId, "roundId");
        Require.id(itemId, "itemId");
        score = Scores.checked(score, "score");
        reason = Require.text(reason, "reason", Limits.REASON);
    }
}
