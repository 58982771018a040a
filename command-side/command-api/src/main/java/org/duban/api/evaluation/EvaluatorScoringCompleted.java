package org.duban.api.evaluation;

/** An evaluator handed in their scores; they score nothing more in the round. */
public record EvaluatorScoringCompleted(String roundId, String planId, String evaluator, int scoredItems) {
}
