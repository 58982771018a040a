package org.duban.api.evaluation;

/** An evaluator was added to a round after it opened (before its scoring closed). */
public record EvaluatorAppointed(String roundId, String planId, Evaluator evaluator) {
}
