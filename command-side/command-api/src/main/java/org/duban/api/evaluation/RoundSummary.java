package org.duban.api.evaluation;

import java.time.Instant;
import java.time.LocalDate;

public record RoundSummary(String roundId, String planId, String planTitle, String office, RoundKind kind,
                           String title, LocalDate cutOff, RoundPhase phase, PhaseDeadlines deadlines, int items,
                           int units, int evaluators, boolean blind, Instant openedAt) {
}
