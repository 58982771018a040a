package org.duban.api.evaluation;

/** A supervisor cancelled the round before publication; its evaluators' access ends. */
public record EvaluationRoundCancelled(String roundId, String planId, RoundPhase phase, String reason) {
}
