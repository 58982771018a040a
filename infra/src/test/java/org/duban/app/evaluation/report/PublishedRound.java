package org.duban.app.evaluation.report;

import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.EvaluatorKind;
import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.ItemResult;
import org.duban.api.evaluation.PhaseDeadlines;
import org.duban.api.evaluation.RoundDetail;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.evaluation.RoundKind;
import org.duban.api.evaluation.RoundPhase;
import org.duban.api.evaluation.RoundResults;
import org.duban.api.evaluation.RoundScope;
import org.duban.api.evaluation.RoundSummary;
import org.duban.api.evaluation.ScoringScheme;
import org.duban.api.evaluation.SheetRow;
import org.duban.api.evaluation.UnitResult;
import org.duban.api.supervision.RagStatus;
import org.duban.api.unit.UnitRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A published mid-term round to write documents from: two tasks of 区卫生健康委, one of 区市场监管局 and two indicators;
 * a third party and a supervisor scored; one task was reconciled, one calibrated down to 差; one indicator nobody
 * scored (it is in the indicator table, not in the score sheet).
 */
final class PublishedRound {
    static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    static final UnitRef MARKET = new UnitRef("unit-market", "区市场监管局");
    static final Evaluator THIRD_PARTY = new Evaluator("pg-1", "钱九", EvaluatorKind.THIRD_PARTY, "重庆某评估咨询公司");
    static final Evaluator SUPERVISOR = new Evaluator("supervisor", "王五", EvaluatorKind.SUPERVISOR_STAFF, "区政府督查室");
    static final RoundItem H1 = new RoundItem("t-h1", ItemKind.TASK, HEALTH, "1. 建设区中医医院中医馆", "s-1");
    static final RoundItem H2 = new RoundItem("t-h2", ItemKind.TASK, HEALTH, "2. 推进基层中医药服务能力提升", "s-1");
    static final RoundItem M1 = new RoundItem("t-m1", ItemKind.TASK, MARKET, "3. 加强中药材质量监管", "s-2");
    static final RoundItem I1 = new RoundItem("i-1", ItemKind.INDICATOR, HEALTH, "每千人口中医执业（助理）医师数", "s-1");
    static final RoundItem I2 = new RoundItem("i-2", ItemKind.INDICATOR, MARKET, "中药材抽检合格率", "s-2");

    private PublishedRound() {
    }

    static RoundOutputs outputs() {
        RoundSummary summary = new RoundSummary("r-1", "p-1", "大足区“十四五”中医药发展规划", "区政府督查室", RoundKind.MID_TERM,
                "“十四五”中医药发展规划中期评估", LocalDate.of(2026, 6, 30), RoundPhase.PUBLISHED,
                new PhaseDeadlines(LocalDate.of(2026, 7, 10), LocalDate.of(2026, 7, 20), LocalDate.of(2026, 7, 25),
                        LocalDate.of(2026, 7, 31)), 5, 2, 2, true, Instant.parse("2026-07-01T02:00:00Z"));
        RoundDetail round = new RoundDetail(summary, RoundScope.wholePlan(), ScoringScheme.standard(),
                List.of(new RoundDetail.EvaluatorState(THIRD_PARTY, 4, true, false, List.of()),
                        new RoundDetail.EvaluatorState(SUPERVISOR, 4, true, false, List.of())),
                List.of(new RoundDetail.UnitState(HEALTH, 3, true, true, true),
                        new RoundDetail.UnitState(MARKET, 2, true, false, false)),
                List.of(H1, H2, M1, I1, I2), List.of("t-m1"), null);
        RoundResults results = new RoundResults(summary, List.of(
                result(H1, "83.50", Grade.GOOD, false, false),
                result(H2, "55.00", Grade.POOR, false, true),
                result(M1, "75.00", Grade.GOOD, true, false),
                result(I1, "92.00", Grade.EXCELLENT, false, false),
                new ItemResult(I2.itemId(), ItemKind.INDICATOR, MARKET.unitId(), null, null, null, 0, false, false)),
                List.of(new UnitResult(HEALTH, new BigDecimal("76.83"), Grade.GOOD, 1, 3),
                        new UnitResult(MARKET, new BigDecimal("75.00"), Grade.GOOD, 2, 1)),
                List.of(new ItemFact(H1.itemId(), ItemKind.TASK, RagStatus.GREEN, 40, 1, 0, "一季度完成中医馆选址", null, null,
                                null, null, null),
                        new ItemFact(H2.itemId(), ItemKind.TASK, RagStatus.RED, null, 0, 2, null, null, null, null, null, null),
                        new ItemFact(M1.itemId(), ItemKind.TASK, RagStatus.AMBER, 60, 2, 0, "完成两轮抽检。", null, null, null,
                                null, null),
                        new ItemFact(I1.itemId(), ItemKind.INDICATOR, RagStatus.GREEN, null, 0, 0, null, "人", "0.62", "0.8",
                                "0.75", "2026-Q2"),
                        new ItemFact(I2.itemId(), ItemKind.INDICATOR, null, null, 0, 0, null, "%", "96", "98", null, null)),
                Map.of(), Map.of(), null, null, List.of(), Instant.parse("2026-07-30T02:00:00Z"));
        List<SheetRow> sheet = List.of(
                row(H1, null, List.of(), "85.50", "81.50"),
                row(H2, null, List.of(new SheetRow.Calibration(new BigDecimal("63.50"), new BigDecimal("55.00"),
                        "项目未开工，佐证不足", "supervisor", Instant.parse("2026-07-24T02:00:00Z"))), "67.00", "60.00"),
                row(M1, "75.00", List.of(), "61.50", "90.00"),
                row(I1, null, List.of(), "92.00", "92.00"),
                row(I2, null, List.of(), null, null));
        return new RoundOutputs(round, results, sheet);
    }

    private static ItemResult result(RoundItem item, String score, Grade grade, boolean reconciled, boolean calibrated) {
        return new ItemResult(item.itemId(), item.kind(), item.unit().unitId(), new BigDecimal(score), grade,
                new BigDecimal("85.00"), 2, reconciled, calibrated);
    }

    private static SheetRow row(RoundItem item, String reconciled, List<SheetRow.Calibration> calibrations, String third,
                                String supervisor) {
        List<SheetRow.EvaluatorScore> scores = third == null ? List.of() : List.of(
                new SheetRow.EvaluatorScore(THIRD_PARTY.username(), THIRD_PARTY.displayName(), Map.of(), null,
                        new BigDecimal(third), null),
                new SheetRow.EvaluatorScore(SUPERVISOR.username(), SUPERVISOR.displayName(), Map.of(), null,
                        new BigDecimal(supervisor), null));
        return new SheetRow(item, null, scores, List.of(), reconciled != null, null,
                reconciled == null ? null : new BigDecimal(reconciled), reconciled == null ? null : "经复核，取两方意见折中",
                calibrations, null);
    }
}
