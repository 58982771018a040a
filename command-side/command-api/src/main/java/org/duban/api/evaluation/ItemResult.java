package org.duban.api.evaluation;

import java.math.BigDecimal;

/**
 * An item's published result. Its score is the calibrated score if calibrated, else the reconciled score if
 * reconciled, else the mean of the evaluators' totals (conflicted evaluators do not score); two decimals, half up.
 *
 * @param score          absent if nobody scored the item (it then has no grade and does not count for its unit)
 * @param selfScore      the unit's own score, absent if it did not assess the item
 * @param evaluatorScores how many evaluators scored it
 */
public record ItemResult(String itemId, ItemKind kind, String unitId, BigDecimal score, Grade grade,
                         BigDecimal selfScore, int evaluatorScores, boolean reconciled, boolean calibrated) {
}
