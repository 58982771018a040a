package org.duban.api.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a round published, with the grade distribution and the comparison with the plan's previous published round.
 *
 * @param itemGrades      how many scored items got each grade (every grade present, 0 for none)
 * @param unitGrades      how many units got each grade
 * @param previousRoundId the plan's latest round published before this one, absent if none
 * @param comparison      each unit of this round beside its result in the previous round (absent scores if it was
 *                        not in it)
 */
public record RoundResults(RoundSummary summary, List<ItemResult> items, List<UnitResult> units, List<ItemFact> facts,
                           Map<Grade, Integer> itemGrades, Map<Grade, Integer> unitGrades, String previousRoundId,
                           String previousRoundTitle, List<UnitComparison> comparison, Instant publishedAt) {

    public record UnitComparison(String unitId, String unitName, BigDecimal score, int rank, BigDecimal previousScore,
                                 Integer previousRank) {
    }
}
