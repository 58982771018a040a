package org.duban.api.evaluation;

import java.time.LocalDate;

/** A unit let the self-assessment's due day pass; it may still submit, late, until the phase closes. */
public record SelfAssessmentOverdue(String roundId, String planId, String unitId, LocalDate due) {
}
