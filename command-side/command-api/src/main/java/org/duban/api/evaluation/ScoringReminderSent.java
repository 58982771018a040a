package org.duban.api.evaluation;

import java.time.LocalDate;

/** An evaluator who has not handed in their scores was reminded before the due day. */
public record ScoringReminderSent(String roundId, String planId, String evaluator, LocalDate due) {
}
