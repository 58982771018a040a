package org.duban.app.evaluation;

import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.RoundResults;
import org.duban.api.evaluation.UnitResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The results page's charts, drawn on the server as SVG: the distribution of grades, the units' ranking and the
 * comparison with the plan's previous round. Each chart is a list of bars with their geometry; the template only
 * draws them, and a table under each chart says the same in words and numbers.
 */
public final class EvaluationCharts {
    static final Map<Grade, String> GRADE_COLORS = Map.of(Grade.EXCELLENT, "#198754", Grade.GOOD, "#0d6efd",
            Grade.FAIR, "#e0a800", Grade.POOR, "#dc3545");
    static final String PREVIOUS_COLOR = "#adb5bd";
    /** Where the bars start (the labels take the left), their full width, and one row's height. */
    static final int LABEL_WIDTH = 180;
    static final int BAR_WIDTH = 360;
    static final int ROW = 30;

    private EvaluationCharts() {
    }

    /** One bar: its label, the number written after it, its length and colour, and its row. */
    public record Bar(String key, String label, String value, int y, int width, String color, boolean previous) {
        public int textY() {
            return y + 15;
        }

        public int x() {
            return LABEL_WIDTH;
        }

        public int valueX() {
            return LABEL_WIDTH + width + 6;
        }
    }

    public record Chart(List<Bar> bars, int height) {
        static Chart of(List<Bar> bars) {
            int rows = bars.isEmpty() ? 1 : bars.get(bars.size() - 1).y() / ROW + 1;
            return new Chart(bars, rows * ROW + 6);
        }

        public int width() {
            return LABEL_WIDTH + BAR_WIDTH + 70;
        }
    }

    /** How many items got each grade, best grade first; the bar of the most common grade is the longest. */
    static Chart grades(Map<Grade, Integer> counts, Map<Grade, String> names) {
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int row = 0;
        for (Grade grade : Grade.values()) {
            int count = counts.getOrDefault(grade, 0);
            bars.add(new Bar(grade.name(), names.get(grade), String.valueOf(count), row++ * ROW,
                    max == 0 ? 0 : Math.max(count == 0 ? 0 : 2, count * BAR_WIDTH / max), GRADE_COLORS.get(grade), false));
        }
        return Chart.of(bars);
    }

    /** The units by rank, each bar as long as the score out of 100, in its grade's colour. */
    static Chart ranking(List<UnitResult> units, Map<Grade, String> names) {
        List<Bar> bars = new ArrayList<>();
        int row = 0;
        for (UnitResult unit : units) {
            bars.add(new Bar(unit.grade() == null ? "" : unit.grade().name(), unit.rank() + ". " + unit.unit().name(),
                    plain(unit.score()) + (unit.grade() == null ? "" : " " + names.get(unit.grade())), row++ * ROW,
                    length(unit.score()), unit.grade() == null ? PREVIOUS_COLOR : GRADE_COLORS.get(unit.grade()), false));
        }
        return Chart.of(bars);
    }

    /** Each unit's score now beside its score in the previous round (a grey bar), where it had one. */
    static Chart comparison(List<RoundResults.UnitComparison> comparison, String previousLabel) {
        List<Bar> bars = new ArrayList<>();
        int row = 0;
        for (RoundResults.UnitComparison unit : comparison) {
            bars.add(new Bar("now", unit.unitName(), plain(unit.score()), row++ * ROW, length(unit.score()), "#0d6efd",
                    false));
            if (unit.previousScore() != null) {
                bars.add(new Bar("previous", previousLabel, plain(unit.previousScore()), row++ * ROW,
                        length(unit.previousScore()), PREVIOUS_COLOR, true));
            }
        }
        return Chart.of(bars);
    }

    private static int length(BigDecimal score) {
        return score == null ? 0 : score.multiply(BigDecimal.valueOf(BAR_WIDTH)).divide(BigDecimal.valueOf(100),
                java.math.RoundingMode.HALF_UP).intValue();
    }

    static String plain(BigDecimal score) {
        return score == null ? "—" : score.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
