package org.duban.api.evaluation;

import java.time.LocalDate;

/** A unit that has not assessed itself was reminded before the due day. */
public record SelfAssessmentReminderSent(String roundId, String planId, String unitId, LocalDate due) {
}
