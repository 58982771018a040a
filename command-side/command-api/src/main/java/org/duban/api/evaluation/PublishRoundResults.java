package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

import java.util.List;

/**
 * Publishes the results. The round computes the scores, grades and ranks; the facts as of the cut-off are read from
 * the event store by the application and recorded with them.
 */
public record PublishRoundResults(@TargetAggregateIdentifier String roundId, List<ItemFact> facts) {
    public PublishRoundResults {
        Require.id(roundId, "roundId");
        facts = Require.atMost(facts, "facts", 20_000);
    }
}
