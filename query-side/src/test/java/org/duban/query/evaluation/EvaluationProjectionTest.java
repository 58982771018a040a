package org.duban.query.evaluation;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.evaluation.CalibrationFinished;
import org.duban.api.evaluation.ConflictOfInterestDeclared;
import org.duban.api.evaluation.EvaluationRoundCancelled;
import org.duban.api.evaluation.EvaluationRoundClosed;
import org.duban.api.evaluation.EvaluationRoundOpened;
import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.EvaluatorAppointed;
import org.duban.api.evaluation.EvaluatorKind;
import org.duban.api.evaluation.EvaluatorReadRecorded;
import org.duban.api.evaluation.EvaluatorScoringCompleted;
import org.duban.api.evaluation.FindEvaluationRound;
import org.duban.api.evaluation.FindEvaluationRounds;
import org.duban.api.evaluation.FindRoundResults;
import org.duban.api.evaluation.FindRoundSheet;
import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.ItemResult;
import org.duban.api.evaluation.ItemScore;
import org.duban.api.evaluation.ItemScoreCalibrated;
import org.duban.api.evaluation.ItemScoreReconciled;
import org.duban.api.evaluation.PhaseDeadlines;
import org.duban.api.evaluation.ReconciliationCompleted;
import org.duban.api.evaluation.RoundDetail;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.evaluation.RoundItemScored;
import org.duban.api.evaluation.RoundKind;
import org.duban.api.evaluation.RoundPhase;
import org.duban.api.evaluation.RoundResults;
import org.duban.api.evaluation.RoundResultsPublished;
import org.duban.api.evaluation.RoundScope;
import org.duban.api.evaluation.RoundSummary;
import org.duban.api.evaluation.ScoringClosed;
import org.duban.api.evaluation.ScoringOverdue;
import org.duban.api.evaluation.ScoringReminderSent;
import org.duban.api.evaluation.ScoringScheme;
import org.duban.api.evaluation.SelfAssessmentClosed;
import org.duban.api.evaluation.SelfAssessmentEntry;
import org.duban.api.evaluation.SelfAssessmentOverdue;
import org.duban.api.evaluation.SelfAssessmentReminderSent;
import org.duban.api.evaluation.SelfAssessmentSubmitted;
import org.duban.api.evaluation.SheetRow;
import org.duban.api.evaluation.UnitResult;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.supervision.RagStatus;
import org.duban.api.unit.UnitRef;
import org.duban.query.ProjectionTables;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Given a round's events, the round list, the round, its score sheet (blind or not) and its published results answer
 * as the pages read them, with the comparison to the plan's previous published round.
 */
@DataJpaTest(showSql = false)
class EvaluationProjectionTest {
    private static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    private static final UnitRef MARKET = new UnitRef("unit-market", "区市场监管局");
    private static final String THIRD_PARTY = "tp-qian";
    private static final String STAFF = "supervisor";
    private static final Evaluator QIAN = new Evaluator(THIRD_PARTY, "钱九", EvaluatorKind.THIRD_PARTY, "重庆某评估咨询公司");
    private static final Evaluator WANG = new Evaluator(STAFF, "王五", EvaluatorKind.SUPERVISOR_STAFF, "区政府督查室");
    private static final PhaseDeadlines DEADLINES = new PhaseDeadlines(LocalDate.of(2026, 7, 10),
            LocalDate.of(2026, 7, 20), LocalDate.of(2026, 7, 25), LocalDate.of(2026, 7, 31));

    @Autowired
    Projections projections;
    @Autowired
    JdbcTemplate jdbc;

    private final String planId = "p-" + UUID.randomUUID();
    private final String roundId = "r-" + UUID.randomUUID();
    private final String h1 = "t-h1-" + UUID.randomUUID();
    private final String h2 = "t-h2-" + UUID.randomUUID();
    private final String m1 = "t-m1-" + UUID.randomUUID();
    private final String i1 = "i-1-" + UUID.randomUUID();
    private final EvidenceRef photo = new EvidenceRef(UUID.randomUUID().toString(), "中医馆照片.jpg", 4096, "b".repeat(64),
            "image/jpeg");

    private List<RoundItem> items() {
        return List.of(new RoundItem(h1, ItemKind.TASK, HEALTH, "1. 建设区中医医院新院区。", "s-1"),
                new RoundItem(h2, ItemKind.TASK, HEALTH, "2. 推进中医馆建设。", "s-1"),
                new RoundItem(m1, ItemKind.TASK, MARKET, "3. 开展中药材质量抽检。", null),
                new RoundItem(i1, ItemKind.INDICATOR, MARKET, "市级中医重点（特色）专科", null));
    }

    private EvaluationRoundOpened opened(String id, String plan, boolean blind) {
        return new EvaluationRoundOpened(id, plan, "区政府督查室", RoundKind.MID_TERM, "中期评估", LocalDate.of(2026, 6, 30),
                new RoundScope(List.of(), List.of(h1, h2, m1), List.of(i1), List.of()), items(), ScoringScheme.standard(),
                DEADLINES, List.of(QIAN, WANG), blind);
    }

    private RoundItemScored scored(String evaluator, String itemId, int completion, int quality, int timeliness,
                                   int attainment) {
        ItemScore score = new ItemScore(itemId, Map.of("completion", BigDecimal.valueOf(completion), "quality",
                BigDecimal.valueOf(quality), "timeliness", BigDecimal.valueOf(timeliness), "attainment",
                BigDecimal.valueOf(attainment)), null, "依据自评和佐证材料评分");
        return new RoundItemScored(roundId, planId, evaluator, score,
                ScoringScheme.standard().total(score.criterionScores(), null));
    }

    private static SelfAssessmentEntry entry(String itemId, int score, EvidenceRef... evidence) {
        return new SelfAssessmentEntry(itemId, BigDecimal.valueOf(score), "按计划推进，佐证材料已上传。", List.of(evidence));
    }

    private RoundDetail detail() {
        return projections.query(new FindEvaluationRound(roundId), ResponseTypes.instanceOf(RoundDetail.class));
    }

    private List<SheetRow> sheet(String unitId, String onlyEvaluator) {
        return projections.query(new FindRoundSheet(roundId, unitId, onlyEvaluator),
                ResponseTypes.multipleInstancesOf(SheetRow.class));
    }

    private SheetRow row(List<SheetRow> sheet, String itemId) {
        return sheet.stream().filter(row -> row.item().itemId().equals(itemId)).findFirst().orElseThrow();
    }

    private RoundResults results(String id) {
        return projections.query(new FindRoundResults(id), ResponseTypes.instanceOf(RoundResults.class));
    }

    /** Self-assessment done, both evaluators scored everything, m1 diverges by 28.50 points. */
    private void scoredByBoth(boolean blind) {
        projections.given(new PlanCreated(planId, "大足区中医药传承创新发展实施方案", null, "大足区人民政府办公室", null,
                        new PlanPeriod(2024, 2027), null, "区政府督查室"),
                opened(roundId, planId, blind),
                new SelfAssessmentSubmitted(roundId, planId, HEALTH.unitId(), List.of(entry(h1, 90, photo), entry(h2, 80)), false),
                new SelfAssessmentSubmitted(roundId, planId, MARKET.unitId(), List.of(entry(m1, 85), entry(i1, 70)), false),
                new SelfAssessmentClosed(roundId, planId, List.of()),
                scored(THIRD_PARTY, h1, 90, 80, 100, 70),   // 85.50
                scored(THIRD_PARTY, h2, 70, 60, 80, 60),    // 67.00
                scored(THIRD_PARTY, m1, 60, 70, 50, 60),    // 61.50
                scored(THIRD_PARTY, i1, 80, 80, 80, 80),    // 80.00
                scored(STAFF, h1, 80, 80, 90, 80),          // 81.50
                scored(STAFF, h2, 60, 60, 60, 60),          // 60.00
                scored(STAFF, m1, 90, 90, 90, 90),          // 90.00
                scored(STAFF, i1, 70, 70, 70, 70));         // 70.00
    }

    @Test
    void an_opened_round_is_in_self_assessment_with_its_scope_scheme_items_units_and_evaluators() {
        projections.given(new PlanCreated(planId, "大足区中医药传承创新发展实施方案", null, "大足区人民政府办公室", null,
                new PlanPeriod(2024, 2027), null, "区政府督查室"), opened(roundId, planId, true));

        RoundDetail detail = detail();

        RoundSummary summary = detail.summary();
        assertThat(summary.phase()).isEqualTo(RoundPhase.SELF_ASSESSMENT);
        assertThat(summary.planTitle()).isEqualTo("大足区中医药传承创新发展实施方案");
        assertThat(summary.kind()).isEqualTo(RoundKind.MID_TERM);
        assertThat(summary.cutOff()).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(summary.deadlines()).isEqualTo(DEADLINES);
        assertThat(summary.blind()).isTrue();
        assertThat(summary.items()).isEqualTo(4);
        assertThat(summary.units()).isEqualTo(2);
        assertThat(summary.evaluators()).isEqualTo(2);
        assertThat(summary.openedAt()).isNotNull();
        assertThat(detail.scope().taskIds()).containsExactly(h1, h2, m1);
        assertThat(detail.scheme()).isEqualTo(ScoringScheme.standard());
        assertThat(detail.items()).isEqualTo(items());
        assertThat(detail.units()).containsExactly(new RoundDetail.UnitState(HEALTH, 2, false, false, false),
                new RoundDetail.UnitState(MARKET, 2, false, false, false));
        assertThat(detail.evaluators()).containsExactly(new RoundDetail.EvaluatorState(QIAN, 0, false, false, List.of()),
                new RoundDetail.EvaluatorState(WANG, 0, false, false, List.of()));
        assertThat(detail.divergentItems()).isEmpty();
        assertThat(detail.cancelReason()).isNull();
    }

    @Test
    void an_unknown_round_is_absent_and_has_an_empty_sheet_and_no_results() {
        assertThat(detail()).isNull();
        assertThat(sheet(null, null)).isEmpty();
        assertThat(results(roundId)).isNull();
    }

    @Test
    void rounds_are_listed_newest_first_by_plan_and_by_appointed_evaluator() {
        String older = "r-" + UUID.randomUUID();
        String otherPlan = "p-" + UUID.randomUUID();
        String elsewhere = "r-" + UUID.randomUUID();
        Evaluator zhao = new Evaluator("tp-zhao", "赵六", EvaluatorKind.THIRD_PARTY, "另一评估机构");
        projections.given(opened(older, planId, false), opened(roundId, planId, true), opened(elsewhere, otherPlan, false),
                new EvaluatorAppointed(elsewhere, otherPlan, zhao));

        assertThat(projections.query(new FindEvaluationRounds(planId, null), ResponseTypes.multipleInstancesOf(RoundSummary.class)))
                .extracting(RoundSummary::roundId).containsExactly(roundId, older);
        assertThat(projections.query(new FindEvaluationRounds(null, "tp-zhao"), ResponseTypes.multipleInstancesOf(RoundSummary.class)))
                .singleElement().satisfies(round -> {
                    assertThat(round.roundId()).isEqualTo(elsewhere);
                    assertThat(round.evaluators()).as("appointed after opening").isEqualTo(3);
                    assertThat(round.planTitle()).as("a plan the views do not know").isNull();
                });
        assertThat(projections.query(new FindEvaluationRounds(planId, THIRD_PARTY), ResponseTypes.multipleInstancesOf(RoundSummary.class)))
                .extracting(RoundSummary::roundId).containsExactly(roundId, older);
    }

    @Test
    void a_round_shows_each_units_self_assessment_and_each_evaluators_progress_through_its_phases() {
        projections.given(opened(roundId, planId, false),
                new SelfAssessmentReminderSent(roundId, planId, MARKET.unitId(), DEADLINES.selfAssessmentDue()),
                new SelfAssessmentSubmitted(roundId, planId, HEALTH.unitId(), List.of(entry(h1, 90), entry(h2, 80)), false),
                new SelfAssessmentOverdue(roundId, planId, MARKET.unitId(), DEADLINES.selfAssessmentDue()));
        assertThat(detail().units()).containsExactly(new RoundDetail.UnitState(HEALTH, 2, true, false, false),
                new RoundDetail.UnitState(MARKET, 2, false, false, true));

        projections.given(new SelfAssessmentSubmitted(roundId, planId, MARKET.unitId(), List.of(entry(m1, 85), entry(i1, 70)), true),
                new SelfAssessmentClosed(roundId, planId, List.of()));
        assertThat(detail().summary().phase()).isEqualTo(RoundPhase.SCORING);
        assertThat(detail().units()).last().isEqualTo(new RoundDetail.UnitState(MARKET, 2, true, true, true));

        projections.given(new ConflictOfInterestDeclared(roundId, planId, STAFF, List.of(i1, m1), "曾为该局提供咨询"),
                scored(THIRD_PARTY, h1, 90, 80, 100, 70), scored(THIRD_PARTY, h1, 80, 80, 80, 80),
                scored(THIRD_PARTY, m1, 60, 70, 50, 60), scored(STAFF, h1, 80, 80, 90, 80),
                new ScoringReminderSent(roundId, planId, THIRD_PARTY, DEADLINES.scoringDue()),
                new EvaluatorScoringCompleted(roundId, planId, STAFF, 1),
                new ScoringOverdue(roundId, planId, THIRD_PARTY, DEADLINES.scoringDue()),
                new EvaluatorReadRecorded(roundId, THIRD_PARTY, "/api/evaluation/rounds/" + roundId + "/sheet"));
        assertThat(detail().evaluators()).containsExactly(
                new RoundDetail.EvaluatorState(QIAN, 2, false, true, List.of()),
                new RoundDetail.EvaluatorState(WANG, 1, true, false, List.of(m1, i1)));
        assertThat(jdbc.queryForObject("select read_count from evaluation_evaluator where round_id = ? and username = ?",
                Integer.class, roundId, THIRD_PARTY)).isOne();

        projections.given(new ScoringClosed(roundId, planId, List.of(m1)));
        assertThat(detail().summary().phase()).isEqualTo(RoundPhase.RECONCILIATION);
        assertThat(detail().divergentItems()).containsExactly(m1);

        projections.given(new ItemScoreReconciled(roundId, planId, m1, new BigDecimal("75.00"), "经复核，取两方意见折中"),
                new ReconciliationCompleted(roundId, planId));
        assertThat(detail().summary().phase()).isEqualTo(RoundPhase.CALIBRATION);
        projections.given(new CalibrationFinished(roundId, planId));
        assertThat(detail().summary().phase()).isEqualTo(RoundPhase.PUBLICATION);
    }

    @Test
    void scoring_without_divergence_goes_straight_to_calibration_and_a_cancelled_round_keeps_its_reason() {
        projections.given(opened(roundId, planId, false), new SelfAssessmentClosed(roundId, planId,
                List.of(HEALTH.unitId(), MARKET.unitId())), new ScoringClosed(roundId, planId, List.of()));
        assertThat(detail().summary().phase()).isEqualTo(RoundPhase.CALIBRATION);

        projections.given(new EvaluationRoundCancelled(roundId, planId, RoundPhase.CALIBRATION, "规划中止实施"));
        assertThat(detail().summary().phase()).isEqualTo(RoundPhase.CANCELLED);
        assertThat(detail().cancelReason()).isEqualTo("规划中止实施");
    }

    @Test
    void the_sheet_shows_each_items_self_assessment_scores_mean_reconciliation_and_calibrations_before_and_after() {
        scoredByBoth(false);
        projections.given(new ScoringClosed(roundId, planId, List.of(m1)),
                new ItemScoreReconciled(roundId, planId, m1, new BigDecimal("75.00"), "经复核，取两方意见折中"),
                new ReconciliationCompleted(roundId, planId),
                new ItemScoreCalibrated(roundId, planId, h2, new BigDecimal("63.50"), new BigDecimal("58.00"), "佐证不足"),
                new ItemScoreCalibrated(roundId, planId, h2, new BigDecimal("58.00"), new BigDecimal("55.00"), "项目未开工"));

        List<SheetRow> sheet = sheet(null, null);

        assertThat(sheet).extracting(row -> row.item().itemId()).containsExactly(h1, h2, m1, i1);
        SheetRow first = row(sheet, h1);
        assertThat(first.selfAssessment()).isEqualTo(entry(h1, 90, photo));
        assertThat(first.scores()).extracting(SheetRow.EvaluatorScore::evaluator, SheetRow.EvaluatorScore::displayName,
                SheetRow.EvaluatorScore::total).containsExactly(tuple(THIRD_PARTY, "钱九", new BigDecimal("85.50")),
                tuple(STAFF, "王五", new BigDecimal("81.50")));
        assertThat(first.scores().get(0).criterionScores()).containsEntry("completion", new BigDecimal("90.00"))
                .hasSize(4);
        assertThat(first.scores().get(0).comment()).isEqualTo("依据自评和佐证材料评分");
        assertThat(first.meanScore()).isEqualByComparingTo("83.50");
        assertThat(first.currentScore()).isEqualByComparingTo("83.50");
        assertThat(first.divergent()).isFalse();
        assertThat(first.calibrations()).isEmpty();

        SheetRow reconciled = row(sheet, m1);
        assertThat(reconciled.divergent()).isTrue();
        assertThat(reconciled.meanScore()).isEqualByComparingTo("75.75");
        assertThat(reconciled.reconciledScore()).isEqualByComparingTo("75.00");
        assertThat(reconciled.reconcileReason()).isEqualTo("经复核，取两方意见折中");
        assertThat(reconciled.currentScore()).isEqualByComparingTo("75.00");

        SheetRow calibrated = row(sheet, h2);
        assertThat(calibrated.calibrations()).extracting(SheetRow.Calibration::before, SheetRow.Calibration::after,
                SheetRow.Calibration::reason, SheetRow.Calibration::by).containsExactly(
                tuple(new BigDecimal("63.50"), new BigDecimal("58.00"), "佐证不足", Projections.USER),
                tuple(new BigDecimal("58.00"), new BigDecimal("55.00"), "项目未开工", Projections.USER));
        assertThat(calibrated.calibrations()).allSatisfy(c -> assertThat(c.at()).isNotNull());
        assertThat(calibrated.currentScore()).isEqualByComparingTo("55.00");

        assertThat(sheet(MARKET.unitId(), null)).extracting(row -> row.item().itemId()).containsExactly(m1, i1);
    }

    @Test
    void in_a_blind_round_an_evaluator_sees_only_their_own_scores_and_neither_the_others_nor_a_mean() {
        scoredByBoth(true);
        projections.given(new ConflictOfInterestDeclared(roundId, planId, THIRD_PARTY, List.of(i1), "曾参与该指标测算"));

        List<SheetRow> own = sheet(null, THIRD_PARTY);

        assertThat(own).hasSize(4).allSatisfy(row -> {
            assertThat(row.scores()).extracting(SheetRow.EvaluatorScore::evaluator).allMatch(THIRD_PARTY::equals);
            assertThat(row.meanScore()).isNull();
            assertThat(row.currentScore()).isNull();
        });
        assertThat(row(own, h1).scores()).singleElement().satisfies(score ->
                assertThat(score.total()).isEqualByComparingTo("85.50"));
        assertThat(row(own, i1).scores()).as("its score withdrawn by the conflict").isEmpty();
        assertThat(row(own, i1).conflicted()).containsExactly(THIRD_PARTY);
        // the supervisor reads everyone's
        assertThat(row(sheet(null, null), h1).scores()).hasSize(2);
        assertThat(row(sheet(null, null), h1).meanScore()).isEqualByComparingTo("83.50");
    }

    @Test
    void in_an_open_round_an_evaluator_sees_everyones_scores() {
        scoredByBoth(false);

        assertThat(row(sheet(null, THIRD_PARTY), h1).scores()).extracting(SheetRow.EvaluatorScore::evaluator)
                .containsExactly(THIRD_PARTY, STAFF);
        assertThat(row(sheet(null, THIRD_PARTY), h1).meanScore()).isEqualByComparingTo("83.50");
    }

    private RoundResultsPublished published(String id, BigDecimal health, int healthRank, BigDecimal market, int marketRank) {
        ScoringScheme scheme = ScoringScheme.standard();
        return new RoundResultsPublished(id, planId, List.of(
                new ItemResult(h1, ItemKind.TASK, HEALTH.unitId(), new BigDecimal("83.50"), Grade.GOOD, new BigDecimal("90.00"), 2, false, false),
                new ItemResult(h2, ItemKind.TASK, HEALTH.unitId(), new BigDecimal("55.00"), Grade.POOR, new BigDecimal("80.00"), 2, false, true),
                new ItemResult(m1, ItemKind.TASK, MARKET.unitId(), new BigDecimal("75.00"), Grade.GOOD, null, 2, true, false),
                new ItemResult(i1, ItemKind.INDICATOR, MARKET.unitId(), null, null, null, 0, false, false)),
                List.of(new UnitResult(MARKET, market, scheme.gradeOf(market), marketRank, 1),
                        new UnitResult(HEALTH, health, scheme.gradeOf(health), healthRank, 2)),
                List.of(new ItemFact(h1, ItemKind.TASK, RagStatus.AMBER, 40, 1, 0, "一季度完成中医馆选址。", null, null, null, null, null),
                        new ItemFact(i1, ItemKind.INDICATOR, null, null, 0, 0, null, "个", "10", "14—16", "12", "2026-Q2")));
    }

    @Test
    void published_results_give_scores_ranks_grade_distribution_facts_and_the_comparison_with_the_previous_round() {
        String previous = "r-" + UUID.randomUUID();
        String draft = "r-" + UUID.randomUUID();
        projections.given(opened(previous, planId, false), published(previous, new BigDecimal("72.00"), 1,
                new BigDecimal("65.00"), 2), new EvaluationRoundClosed(previous, planId));
        scoredByBoth(false);
        projections.given(new ScoringClosed(roundId, planId, List.of()), new CalibrationFinished(roundId, planId));
        assertThat(results(roundId)).as("nothing before publication").isNull();

        projections.given(published(roundId, new BigDecimal("69.25"), 2, new BigDecimal("75.00"), 1),
                opened(draft, planId, false));
        RoundResults results = results(roundId);

        assertThat(results.summary().phase()).isEqualTo(RoundPhase.PUBLISHED);
        assertThat(results.publishedAt()).isNotNull();
        assertThat(results.items()).extracting(ItemResult::itemId, ItemResult::score, ItemResult::grade)
                .containsExactly(tuple(h1, new BigDecimal("83.50"), Grade.GOOD), tuple(h2, new BigDecimal("55.00"), Grade.POOR),
                        tuple(m1, new BigDecimal("75.00"), Grade.GOOD), tuple(i1, null, null));
        assertThat(results.items().get(1).calibrated()).isTrue();
        assertThat(results.items().get(2).reconciled()).isTrue();
        assertThat(results.units()).extracting(u -> u.unit().name(), UnitResult::rank, UnitResult::grade, UnitResult::scoredItems)
                .containsExactly(tuple("区市场监管局", 1, Grade.GOOD, 1), tuple("区卫生健康委", 2, Grade.FAIR, 2));
        assertThat(results.itemGrades()).containsExactly(Map.entry(Grade.EXCELLENT, 0), Map.entry(Grade.GOOD, 2),
                Map.entry(Grade.FAIR, 0), Map.entry(Grade.POOR, 1));
        assertThat(results.unitGrades()).containsExactly(Map.entry(Grade.EXCELLENT, 0), Map.entry(Grade.GOOD, 1),
                Map.entry(Grade.FAIR, 1), Map.entry(Grade.POOR, 0));
        assertThat(results.facts()).containsExactly(
                new ItemFact(h1, ItemKind.TASK, RagStatus.AMBER, 40, 1, 0, "一季度完成中医馆选址。", null, null, null, null, null),
                new ItemFact(i1, ItemKind.INDICATOR, null, null, 0, 0, null, "个", "10", "14—16", "12", "2026-Q2"));
        assertThat(results.previousRoundId()).isEqualTo(previous);
        assertThat(results.previousRoundTitle()).isEqualTo("中期评估");
        assertThat(results.comparison()).containsExactly(
                new RoundResults.UnitComparison(MARKET.unitId(), "区市场监管局", new BigDecimal("75.00"), 1, new BigDecimal("65.00"), 2),
                new RoundResults.UnitComparison(HEALTH.unitId(), "区卫生健康委", new BigDecimal("69.25"), 2, new BigDecimal("72.00"), 1));

        RoundResults first = results(previous);
        assertThat(first.summary().phase()).isEqualTo(RoundPhase.CLOSED);
        assertThat(first.previousRoundId()).as("the plan's first published round").isNull();
        assertThat(first.comparison()).allSatisfy(unit -> {
            assertThat(unit.previousScore()).isNull();
            assertThat(unit.previousRank()).isNull();
        });
        assertThat(results(draft)).isNull();
    }

    @Test
    void a_reset_empties_every_table_of_the_projection() {
        scoredByBoth(false);
        projections.given(new ConflictOfInterestDeclared(roundId, planId, STAFF, List.of(i1), "曾为该局提供咨询"),
                new ScoringClosed(roundId, planId, List.of()),
                new ItemScoreCalibrated(roundId, planId, h2, new BigDecimal("63.50"), new BigDecimal("55.00"), "项目未开工"),
                new CalibrationFinished(roundId, planId), published(roundId, new BigDecimal("69.25"), 2,
                        new BigDecimal("75.00"), 1));
        String[] tables = EvaluationProjection.class.getAnnotation(ProjectionTables.class).value();
        for (String table : tables) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table).isPositive();
        }

        new EvaluationProjection(jdbc).reset();

        for (String table : tables) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as(table).isZero();
        }
    }
}
