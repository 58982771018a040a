package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

import java.util.List;

/** An evaluator declares a conflict of interest with items (for instance, all items of a unit they advised). */
public record DeclareConflictOfInterest(@TargetAggregateIdentifier String roundId, String evaluator,
                                        List<String> itemIds, String reason) {
    public DeclareConflictOfInterest {
        Require.id(roundId, "roundId");
        Require.id(evaluator, "evaluator");
        itemIds = Require.atMost(itemIds, "itemIds", 20_000);
        if (itemIds.isEmpty()) {
            throw new IllegalArgumentException("name the items the conflict concerns");
        }
        reason = Require.text(reason, "reason", Limits.REASON);
    }
}
