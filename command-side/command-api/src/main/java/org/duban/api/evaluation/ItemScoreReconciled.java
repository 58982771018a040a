package org.duban.api.evaluation;

import java.math.BigDecimal;

/** A supervisor settled a divergent item's score after hearing the evaluators (复核). */
public record ItemScoreReconciled(String roundId, String planId, String itemId, BigDecimal score, String reason) {
}
