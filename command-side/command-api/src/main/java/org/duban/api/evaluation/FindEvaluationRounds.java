package org.duban.api.evaluation;

/**
 * Rounds, newest first: of one plan, or those an evaluator is appointed to, or all (each filter null for any).
 * Answers a list of {@link RoundSummary}.
 */
public record FindEvaluationRounds(String planId, String evaluator) {
}
