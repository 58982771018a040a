package org.duban.api.evaluation;

import org.duban.api.Require;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a round scores. Every item ends with a score from 0 to 100 (two decimals, half up) and the grade of the band it
 * falls in.
 *
 * @param criteria                the weighted criteria (WEIGHTED: at least one, weights adding up to 100; GRADES: none)
 * @param bands                   one band per grade, better grades with higher minimum scores, 差 from 0
 * @param reconciliationThreshold evaluators' totals for an item that differ by more than this many points are
 *                                reconciled before calibration
 * @param noticeAtOrBelow         a published item with this grade or a worse one opens a supervision notice
 */
public record ScoringScheme(SchemeKind kind, List<Criterion> criteria, List<GradeBand> bands,
                            int reconciliationThreshold, Grade noticeAtOrBelow) {
    public static final int SCALE = 2;

    public ScoringScheme {
        Require.present(kind, "scheme kind");
        criteria = Require.atMost(criteria, "criteria", 20);
        bands = Require.atMost(bands, "bands", Grade.values().length);
        Require.present(noticeAtOrBelow, "noticeAtOrBelow");
        if (reconciliationThreshold < 0 || reconciliationThreshold > 100) {
            throw new IllegalArgumentException("reconciliationThreshold " + reconciliationThreshold
                    + " must be 0 to 100 points");
        }
        if (kind == SchemeKind.WEIGHTED) {
            if (criteria.isEmpty()) {
                throw new IllegalArgumentException("a weighted scheme needs at least one criterion");
            }
            int sum = criteria.stream().mapToInt(Criterion::weight).sum();
            if (sum != 100) {
                throw new IllegalArgumentException("the criteria's weights add up to " + sum + "; they must add up to 100");
            }
            Set<String> codes = new HashSet<>();
            for (Criterion criterion : criteria) {
                if (!codes.add(criterion.code())) {
                    throw new IllegalArgumentException("criterion " + criterion.code() + " is named twice");
                }
            }
        } else if (!criteria.isEmpty()) {
            throw new IllegalArgumentException("a grades scheme has no criteria: evaluators give one grade per item");
        }
        if (bands.size() != Grade.values().length) {
            throw new IllegalArgumentException("the scheme needs one band for each of the grades 优, 良, 中 and 差");
        }
        List<GradeBand> ordered = new ArrayList<>(bands);
        ordered.sort((a, b) -> a.grade().compareTo(b.grade()));
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).grade() != Grade.values()[i]) {
                throw new IllegalArgumentException("the band of grade " + Grade.values()[i] + " is missing");
            }
            if (i > 0 && ordered.get(i).minScore() >= ordered.get(i - 1).minScore()) {
                throw new IllegalArgumentException("band " + ordered.get(i).grade() + " must start below band "
                        + ordered.get(i - 1).grade());
            }
        }
        if (ordered.get(ordered.size() - 1).minScore() != 0) {
            throw new IllegalArgumentException("the band of grade POOR must start at 0");
        }
        bands = List.copyOf(ordered);
    }

    /** 完成情况 40, 质量成效 30, 及时性 15, 指标达成 15; 优 ≥ 90, 良 ≥ 75, 中 ≥ 60, 差 below; reconciled beyond 15 points. */
    public static ScoringScheme standard() {
        return new ScoringScheme(SchemeKind.WEIGHTED, List.of(
                new Criterion("completion", "完成情况", 40),
                new Criterion("quality", "质量成效", 30),
                new Criterion("timeliness", "及时性", 15),
                new Criterion("attainment", "指标达成", 15)), standardBands(), 15, Grade.POOR);
    }

    /** 优 95, 良 82, 中 67, 差 50 with the standard bands. */
    public static ScoringScheme grades() {
        return new ScoringScheme(SchemeKind.GRADES, List.of(), standardBands(), 15, Grade.POOR);
    }

    public static List<GradeBand> standardBands() {
        return List.of(new GradeBand(Grade.EXCELLENT, 90, 95), new GradeBand(Grade.GOOD, 75, 82),
                new GradeBand(Grade.FAIR, 60, 67), new GradeBand(Grade.POOR, 0, 50));
    }

    /** The grade of a score: the best band whose minimum it reaches. */
    public Grade gradeOf(BigDecimal score) {
        for (GradeBand band : bands) {
            if (score.compareTo(BigDecimal.valueOf(band.minScore())) >= 0) {
                return band.grade();
            }
        }
        return Grade.POOR;
    }

    /** Whether a published item of this grade opens a supervision notice. */
    public boolean opensNotice(Grade grade) {
        return grade.compareTo(noticeAtOrBelow) >= 0;
    }

    /**
     * One evaluator's total for an item, checked against the scheme: WEIGHTED takes a score 0–100 for every criterion
     * and nothing else, and answers Σ weight × score / 100; GRADES takes the grade and answers its nominal score.
     */
    public BigDecimal total(Map<String, BigDecimal> criterionScores, Grade grade) {
        if (kind == SchemeKind.GRADES) {
            if (grade == null || (criterionScores != null && !criterionScores.isEmpty())) {
                throw new IllegalArgumentException("this round is scored by grade: give a grade and no criterion scores");
            }
            return BigDecimal.valueOf(band(grade).nominalScore()).setScale(SCALE, RoundingMode.HALF_UP);
        }
        if (criterionScores == null || grade != null) {
            throw new IllegalArgumentException("this round is scored by criteria: give a score for each criterion and no grade");
        }
        for (String code : criterionScores.keySet()) {
            if (criteria.stream().noneMatch(c -> c.code().equals(code))) {
                throw new IllegalArgumentException("criterion " + code + " is not in the round's scheme");
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Criterion criterion : criteria) {
            BigDecimal score = criterionScores.get(criterion.code());
            if (score == null) {
                throw new IllegalArgumentException("criterion " + criterion.code() + " (" + criterion.name()
                        + ") has no score");
            }
            sum = sum.add(Scores.checked(score, "criterion " + criterion.code()).multiply(BigDecimal.valueOf(criterion.weight())));
        }
        return sum.divide(BigDecimal.valueOf(100), SCALE, RoundingMode.HALF_UP);
    }

    public GradeBand band(Grade grade) {
        return bands.stream().filter(b -> b.grade() == grade).findFirst().orElseThrow();
    }
}
