package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** Ends reconciliation once every divergent item is reconciled. */
public record CompleteReconciliation(@TargetAggregateIdentifier String roundId) {
    public CompleteReconciliation {
        Require.id(roundId, "roundId");
    }
}
