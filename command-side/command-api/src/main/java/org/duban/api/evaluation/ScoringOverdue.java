package org.duban.api.evaluation;

import java.time.LocalDate;

/** An evaluator let the scoring's due day pass. */
public record ScoringOverdue(String roundId, String planId, String evaluator, LocalDate due) {
}
