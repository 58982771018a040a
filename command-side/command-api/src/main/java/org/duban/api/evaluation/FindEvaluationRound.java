package org.duban.api.evaluation;

/** One round with its scheme, evaluators, units and items; answers an optional {@link RoundDetail}. */
public record FindEvaluationRound(String roundId) {
}
