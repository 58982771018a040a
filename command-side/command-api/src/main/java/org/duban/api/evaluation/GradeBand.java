package org.duban.api.evaluation;

import org.duban.api.Require;

/**
 * A grade's band: a score of at least {@code minScore} earns the grade (unless a better band takes it); under the
 * grades scheme, an evaluator's grade counts as {@code nominalScore}.
 */
public record GradeBand(Grade grade, int minScore, int nominalScore) {
    public GradeBand {
        Require.present(grade, "grade");
        if (minScore < 0 || minScore > 100) {
            throw new IllegalArgumentException("band " + grade + ": minScore " + minScore + " must be 0 to 100");
        }
        if (nominalScore < minScore || nominalScore > 100) {
            throw new IllegalArgumentException("band " + grade + ": nominalScore " + nominalScore
                    + " must lie between its minScore " + minScore + " and 100");
        }
    }
}
