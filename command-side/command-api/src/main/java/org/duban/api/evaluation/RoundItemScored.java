package org.duban.api.evaluation;

import java.math.BigDecimal;

/**
 * An evaluator scored an item; a later score of the same item by the same evaluator replaces it.
 *
 * @param total the scheme's total of the score
 */
public record RoundItemScored(String roundId, String planId, String evaluator, ItemScore score, BigDecimal total) {
}
