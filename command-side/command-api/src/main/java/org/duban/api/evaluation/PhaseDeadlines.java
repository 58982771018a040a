package org.duban.api.evaluation;

import org.duban.api.Require;

import java.time.LocalDate;

/**
 * The last day of each phase: self-assessment, scoring, reconciliation and calibration together, publication. Each
 * comes no earlier than the one before. Reminders and overdue marks follow them as for reports.
 */
public record PhaseDeadlines(LocalDate selfAssessmentDue, LocalDate scoringDue, LocalDate calibrationDue,
                             LocalDate publicationDue) {
    public PhaseDeadlines {
        Require.present(selfAssessmentDue, "selfAssessmentDue");
        Require.present(scoringDue, "scoringDue");
        Require.present(calibrationDue, "calibrationDue");
        Require.present(publicationDue, "publicationDue");
        if (scoringDue.isBefore(selfAssessmentDue)) {
            throw new IllegalArgumentException("scoringDue " + scoringDue + " comes before selfAssessmentDue " + selfAssessmentDue);
        }
        if (calibrationDue.isBefore(scoringDue)) {
            throw new IllegalArgumentException("calibrationDue " + calibrationDue + " comes before scoringDue " + scoringDue);
        }
        if (publicationDue.isBefore(calibrationDue)) {
            throw new IllegalArgumentException("publicationDue " + publicationDue + " comes before calibrationDue " + calibrationDue);
        }
    }
}
