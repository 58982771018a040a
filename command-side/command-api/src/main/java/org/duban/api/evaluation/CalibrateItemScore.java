package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

import java.math.BigDecimal;

/** A supervisor calibrates a scored item's score, with the reason; the score before is kept in the event. */
public record CalibrateItemScore(@TargetAggregateIdentifier String roundId, String itemId, BigDecimal after,
                                 String reason) {
    public CalibrateItemScore {
        Require.id(roundId, "roundId");
        Require.id(itemId, "itemId");
        after = Scores.checked(after, "after");
        reason = Require.text(reason, "reason", Limits.REASON);
    }
}
