package org.duban.api.evaluation;

import java.util.List;

/**
 * The round's results were published: each item's and unit's score, grade and rank, and the facts as of the cut-off
 * they were judged on.
 */
public record RoundResultsPublished(String roundId, String planId, List<ItemResult> items, List<UnitResult> units,
                                    List<ItemFact> facts) {
}
