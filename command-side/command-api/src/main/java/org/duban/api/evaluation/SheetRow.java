package org.duban.api.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One item of a round as it stands.
 *
 * @param selfAssessment  the unit's entry, absent before it submitted
 * @param scores          the evaluators' scores given to this reader
 * @param conflicted      evaluators who declared a conflict with the item
 * @param meanScore       the mean of the evaluators' totals, absent if none (or withheld from a blind reader)
 * @param reconciledScore the reconciled score, absent if not reconciled
 * @param currentScore    the score that would be published now: calibrated, else reconciled, else the mean
 */
public record SheetRow(RoundItem item, SelfAssessmentEntry selfAssessment, List<EvaluatorScore> scores,
                       List<String> conflicted, boolean divergent, BigDecimal meanScore, BigDecimal reconciledScore,
                       String reconcileReason, List<Calibration> calibrations, BigDecimal currentScore) {

    public record EvaluatorScore(String evaluator, String displayName, Map<String, BigDecimal> criterionScores,
                                 Grade grade, BigDecimal total, String comment) {
    }

    public record Calibration(BigDecimal before, BigDecimal after, String reason, String by, Instant at) {
    }
}
