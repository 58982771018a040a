package org.duban.api.evaluation;

/** The round is closed: its evaluators' access ends and nothing more is recorded in it. */
public record EvaluationRoundClosed(String roundId, String planId) {
}
