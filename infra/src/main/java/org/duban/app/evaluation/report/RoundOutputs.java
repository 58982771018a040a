package org.duban.app.evaluation.report;

import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.ItemResult;
import org.duban.api.evaluation.RoundDetail;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.evaluation.RoundKind;
import org.duban.api.evaluation.RoundResults;
import org.duban.api.evaluation.SheetRow;
import org.duban.api.supervision.RagStatus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the score sheet and the report are written from: the round, its published results (with the facts as of the
 * cut-off) and its sheet of everyone's scores, with the lookups both documents need and the office's words for codes.
 */
public record RoundOutputs(RoundDetail round, RoundResults results, List<SheetRow> sheet) {
    public RoundOutputs {
        sheet = sheet == null ? List.of() : List.copyOf(sheet);
    }

    /** A scored item with everything known of it, in the round's order of items. */
    public record Scored(RoundItem item, ItemResult result, SheetRow row, ItemFact fact) {
    }

    /** The items that got a score, in the round's order. */
    public List<Scored> scored() {
        Map<String, ItemResult> results = byId(this.results.items(), ItemResult::itemId);
        Map<String, SheetRow> rows = byId(sheet, row -> row.item().itemId());
        Map<String, ItemFact> facts = byId(this.results.facts() == null ? List.of() : this.results.facts(), ItemFact::itemId);
        return round.items().stream()
                .filter(item -> results.containsKey(item.itemId()) && results.get(item.itemId()).score() != null)
                .map(item -> new Scored(item, results.get(item.itemId()), rows.get(item.itemId()), facts.get(item.itemId())))
                .toList();
    }

    /** Every item of a kind, scored or not, with its fact as of the cut-off. */
    public List<Scored> ofKind(ItemKind kind) {
        Map<String, ItemResult> results = byId(this.results.items(), ItemResult::itemId);
        Map<String, SheetRow> rows = byId(sheet, row -> row.item().itemId());
        Map<String, ItemFact> facts = byId(this.results.facts() == null ? List.of() : this.results.facts(), ItemFact::itemId);
        return round.items().stream().filter(item -> item.kind() == kind)
                .map(item -> new Scored(item, results.get(item.itemId()), rows.get(item.itemId()), facts.get(item.itemId())))
                .toList();
    }

    public LocalDate cutOff() {
        return round.summary().cutOff();
    }

    private static <T> Map<String, T> byId(List<T> values, Function<T, String> id) {
        return values.stream().collect(Collectors.toMap(id, v -> v, (a, b) -> a, LinkedHashMap::new));
    }

    /** 优, 良, 中, 差. */
    public static String gradeWord(Grade grade) {
        if (grade == null) {
            return "";
        }
        return switch (grade) {
            case EXCELLENT -> "优";
            case GOOD -> "良";
            case FAIR -> "中";
            case POOR -> "差";
        };
    }

    public static String kindWord(RoundKind kind) {
        return switch (kind) {
            case ANNUAL -> "年度评估";
            case MID_TERM -> "中期评估";
            case FINAL -> "总结评估";
            case SPECIAL -> "专项评估";
        };
    }

    public static String itemKindWord(ItemKind kind) {
        return kind == ItemKind.TASK ? "任务" : "指标";
    }

    public static String ragWord(RagStatus status) {
        if (status == null) {
            return "未评估";
        }
        return switch (status) {
            case GREEN -> "绿灯（正常推进）";
            case AMBER -> "黄灯（进度滞后）";
            case RED -> "红灯（严重滞后）";
        };
    }

    /** A score as the office writes it: two decimals. */
    public static String score(BigDecimal score) {
        return score == null ? "" : score.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** 2026年6月30日. */
    public static String day(LocalDate day) {
        return day == null ? "" : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** The calibration that set the item's final score: the first score before and the last after, if any. */
    public static Optional<BigDecimal[]> calibration(SheetRow row) {
        if (row == null || row.calibrations() == null || row.calibrations().isEmpty()) {
            return Optional.empty();
        }
        List<SheetRow.Calibration> calibrations = row.calibrations();
        return Optional.of(new BigDecimal[]{calibrations.get(0).before(), calibrations.get(calibrations.size() - 1).after()});
    }
}
