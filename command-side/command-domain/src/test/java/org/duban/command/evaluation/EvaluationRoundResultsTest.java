package org.duban.command.evaluation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.evaluation.CalibrateItemScore;
import org.duban.api.evaluation.CalibrationFinished;
import org.duban.api.evaluation.CancelEvaluationRound;
import org.duban.api.evaluation.CloseEvaluationRound;
import org.duban.api.evaluation.CloseScoring;
import org.duban.api.evaluation.CompleteReconciliation;
import org.duban.api.evaluation.EvaluationRoundCancelled;
import org.duban.api.evaluation.EvaluationRoundClosed;
import org.duban.api.evaluation.FinishCalibration;
import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.ItemResult;
import org.duban.api.evaluation.ItemScoreCalibrated;
import org.duban.api.evaluation.ItemScoreReconciled;
import org.duban.api.evaluation.MarkScoringOverdue;
import org.duban.api.evaluation.PublishRoundResults;
import org.duban.api.evaluation.ReconcileItemScore;
import org.duban.api.evaluation.ReconciliationCompleted;
import org.duban.api.evaluation.RoundPhase;
import org.duban.api.evaluation.RoundResultsPublished;
import org.duban.api.evaluation.ScoreRoundItem;
import org.duban.api.evaluation.ScoringClosed;
import org.duban.api.evaluation.SelfAssessmentSubmitted;
import org.duban.api.evaluation.SubmitSelfAssessment;
import org.duban.api.evaluation.UnitResult;
import org.duban.api.supervision.RagStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.duban.command.evaluation.Rounds.HEALTH;
import static org.duban.command.evaluation.Rounds.HEALTH_USER;
import static org.duban.command.evaluation.Rounds.MARKET;
import static org.duban.command.evaluation.Rounds.PLAN;
import static org.duban.command.evaluation.Rounds.ROUND;
import static org.duban.command.evaluation.Rounds.SUPERVISOR;
import static org.duban.command.evaluation.Rounds.SYSTEM;
import static org.duban.command.evaluation.Rounds.TP;
import static org.duban.command.evaluation.Rounds.decimal;
import static org.duban.command.evaluation.Rounds.entry;
import static org.duban.command.evaluation.Rounds.history;
import static org.duban.command.evaluation.Rounds.reconciling;
import static org.duban.command.evaluation.Rounds.refused;
import static org.duban.command.evaluation.Rounds.score;
import static org.duban.command.evaluation.Rounds.scoring;

/**
 * Divergent items are reconciled, scores calibrated with the before and after kept, and the round publishes the
 * results it computes; a closed or cancelled round records nothing more.
 */
class EvaluationRoundResultsTest {
    private final AggregateTestFixture<EvaluationRound> fixture = new AggregateTestFixture<>(EvaluationRound.class);

    private static final ItemScoreReconciled M1_RECONCILED = new ItemScoreReconciled(ROUND, PLAN, "m1", decimal("75.00"),
            "经复核，取两方意见折中");
    private static final ItemScoreCalibrated H2_CALIBRATED = new ItemScoreCalibrated(ROUND, PLAN, "h2",
            decimal("63.50"), decimal("55.00"), "项目未开工，佐证不足");
    private static final ItemFact H1_FACT = new ItemFact("h1", ItemKind.TASK, RagStatus.GREEN, 40, 1, 0,
            "一季度完成中医馆选址。", null, null, null, null, null);

    private static List<Object> calibrating(Object... events) {
        return reconciling(concat(List.of(M1_RECONCILED, new ReconciliationCompleted(ROUND, PLAN)), events));
    }

    private static List<Object> publishing(Object... events) {
        return calibrating(concat(List.of(H2_CALIBRATED, new CalibrationFinished(ROUND, PLAN)), events));
    }

    private static RoundResultsPublished published() {
        return new RoundResultsPublished(ROUND, PLAN, List.of(
                new ItemResult("h1", ItemKind.TASK, HEALTH.unitId(), decimal("83.50"), Grade.GOOD, null, 2, false, false),
                new ItemResult("h2", ItemKind.TASK, HEALTH.unitId(), decimal("55.00"), Grade.POOR, null, 2, false, true),
                new ItemResult("m1", ItemKind.TASK, MARKET.unitId(), decimal("75.00"), Grade.GOOD, null, 2, true, false)),
                List.of(new UnitResult(MARKET, decimal("75.00"), Grade.GOOD, 1, 1),
                        new UnitResult(HEALTH, decimal("69.25"), Grade.FAIR, 2, 2)),
                List.of(H1_FACT));
    }

    private static Object[] concat(List<Object> first, Object... more) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(more));
        return all.toArray();
    }

    // --- reconciliation ----------------------------------------------------------------------------------------

    @Test
    void a_supervisor_reconciles_a_divergent_item_and_completes_the_reconciliation() {
        fixture.given(reconciling())
                .when(new ReconcileItemScore(ROUND, "m1", decimal("75"), "经复核，取两方意见折中"), SUPERVISOR)
                .expectEvents(M1_RECONCILED);
        fixture.given(reconciling(M1_RECONCILED)).when(new CompleteReconciliation(ROUND), SUPERVISOR)
                .expectEvents(new ReconciliationCompleted(ROUND, PLAN));
    }

    @Test
    void only_divergent_items_are_reconciled_and_only_during_reconciliation() {
        fixture.given(reconciling()).when(new ReconcileItemScore(ROUND, "h1", decimal("80"), "复核"), SUPERVISOR)
                .expectException(refused("reconciliation.item-not-divergent")).expectNoEvents();
        fixture.given(scoring()).when(new ReconcileItemScore(ROUND, "m1", decimal("75"), "复核"), SUPERVISOR)
                .expectException(refused("round.not-reconciliation")).expectNoEvents();
        fixture.given(reconciling()).when(new ReconcileItemScore(ROUND, "m1", decimal("75"), "复核"), TP)
                .expectException(refused("office.not-supervisor")).expectNoEvents();
    }

    @Test
    void reconciling_again_replaces_and_the_same_reconciliation_changes_nothing() {
        fixture.given(reconciling(M1_RECONCILED))
                .when(new ReconcileItemScore(ROUND, "m1", decimal("78"), "再次复核"), SUPERVISOR)
                .expectEvents(new ItemScoreReconciled(ROUND, PLAN, "m1", decimal("78.00"), "再次复核"));
        fixture.given(reconciling(M1_RECONCILED))
                .when(new ReconcileItemScore(ROUND, "m1", decimal("75"), "经复核，取两方意见折中"), SUPERVISOR)
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void reconciliation_completes_only_when_every_divergent_item_is_reconciled() {
        fixture.given(reconciling()).when(new CompleteReconciliation(ROUND), SUPERVISOR)
                .expectException(refused("reconciliation.items-open"))
                .expectExceptionMessage("item m1 still waits to be reconciled in evaluation round round-1")
                .expectNoEvents();
    }

    // --- calibration -------------------------------------------------------------------------------------------

    @Test
    void a_calibration_keeps_the_score_before_the_mean_and_after_with_the_reason() {
        fixture.given(calibrating()).when(new CalibrateItemScore(ROUND, "h2", decimal("55"), "项目未开工，佐证不足"),
                SUPERVISOR).expectEvents(H2_CALIBRATED);
    }

    @Test
    void the_score_before_is_the_reconciled_one_and_then_the_last_calibrated_one() {
        fixture.given(calibrating()).when(new CalibrateItemScore(ROUND, "m1", decimal("72"), "对照指标下调"), SUPERVISOR)
                .expectEvents(new ItemScoreCalibrated(ROUND, PLAN, "m1", decimal("75.00"), decimal("72.00"), "对照指标下调"));
        fixture.given(calibrating(H2_CALIBRATED))
                .when(new CalibrateItemScore(ROUND, "h2", decimal("58"), "补充佐证后上调"), SUPERVISOR)
                .expectEvents(new ItemScoreCalibrated(ROUND, PLAN, "h2", decimal("55.00"), decimal("58.00"), "补充佐证后上调"));
    }

    @Test
    void a_calibration_that_changes_nothing_is_refused() {
        fixture.given(calibrating()).when(new CalibrateItemScore(ROUND, "h1", decimal("83.5"), "维持"), SUPERVISOR)
                .expectException(refused("calibration.unchanged")).expectNoEvents();
    }

    @Test
    void an_item_nobody_scored_has_nothing_to_calibrate() {
        List<Object> nothingScored = scoring(new ScoringClosed(ROUND, PLAN, List.of()));
        fixture.given(nothingScored).when(new CalibrateItemScore(ROUND, "h1", decimal("60"), "补评"), SUPERVISOR)
                .expectException(refused("calibration.item-unscored")).expectNoEvents();
    }

    @Test
    void calibration_happens_in_its_phase_by_the_office_and_then_is_finished() {
        fixture.given(reconciling()).when(new CalibrateItemScore(ROUND, "h2", decimal("55"), "理由"), SUPERVISOR)
                .expectException(refused("round.not-calibration")).expectNoEvents();
        fixture.given(calibrating()).when(new CalibrateItemScore(ROUND, "h2", decimal("55"), "理由"), HEALTH_USER)
                .expectException(refused("office.not-supervisor")).expectNoEvents();
        fixture.given(calibrating(H2_CALIBRATED)).when(new FinishCalibration(ROUND), SUPERVISOR)
                .expectEvents(new CalibrationFinished(ROUND, PLAN));
        fixture.given(publishing()).when(new CalibrateItemScore(ROUND, "h1", decimal("55"), "理由"), SUPERVISOR)
                .expectException(refused("round.not-calibration")).expectNoEvents();
    }

    // --- publication -------------------------------------------------------------------------------------------

    @Test
    void publication_computes_the_integration_tests_hand_calculation() {
        fixture.given(publishing()).when(new PublishRoundResults(ROUND, List.of(H1_FACT)), SUPERVISOR)
                .expectEvents(published());
    }

    @Test
    void published_results_carry_the_units_self_scores() {
        List<Object> events = new ArrayList<>(history(new SelfAssessmentSubmitted(ROUND, PLAN, HEALTH.unitId(),
                List.of(entry("h1", 90), entry("h2", 80)), false)));
        events.addAll(publishing().subList(1, publishing().size()));
        RoundResultsPublished expected = published();
        List<ItemResult> items = new ArrayList<>(expected.items());
        items.set(0, new ItemResult("h1", ItemKind.TASK, HEALTH.unitId(), decimal("83.50"), Grade.GOOD,
                decimal("90.00"), 2, false, false));
        items.set(1, new ItemResult("h2", ItemKind.TASK, HEALTH.unitId(), decimal("55.00"), Grade.POOR,
                decimal("80.00"), 2, false, true));
        fixture.given(events).when(new PublishRoundResults(ROUND, List.of(H1_FACT)), SUPERVISOR)
                .expectEvents(new RoundResultsPublished(ROUND, PLAN, items, expected.units(), expected.facts()));
    }

    @Test
    void results_are_published_once_calibration_is_finished_with_facts_of_the_rounds_items() {
        fixture.given(calibrating()).when(new PublishRoundResults(ROUND, List.of()), SUPERVISOR)
                .expectException(refused("round.not-publication")).expectNoEvents();
        ItemFact stranger = new ItemFact("x9", ItemKind.TASK, null, null, 0, 0, null, null, null, null, null, null);
        fixture.given(publishing()).when(new PublishRoundResults(ROUND, List.of(stranger)), SUPERVISOR)
                .expectException(refused("publication.fact-not-in-round")).expectNoEvents();
        fixture.given(publishing()).when(new PublishRoundResults(ROUND, List.of(H1_FACT, H1_FACT)), SUPERVISOR)
                .expectException(refused("publication.fact-twice")).expectNoEvents();
        fixture.given(publishing()).when(new PublishRoundResults(ROUND, List.of()), TP)
                .expectException(refused("office.not-supervisor")).expectNoEvents();
        fixture.given(publishing(published())).when(new PublishRoundResults(ROUND, List.of()), SUPERVISOR)
                .expectException(refused("round.not-publication")).expectNoEvents();
    }

    // --- closing and cancelling --------------------------------------------------------------------------------

    @Test
    void a_published_round_is_closed_and_records_nothing_more() {
        fixture.given(publishing(published())).when(new CloseEvaluationRound(ROUND), SUPERVISOR)
                .expectEvents(new EvaluationRoundClosed(ROUND, PLAN));
        List<Object> closed = publishing(published(), new EvaluationRoundClosed(ROUND, PLAN));
        fixture.given(closed).when(new CloseEvaluationRound(ROUND), SUPERVISOR)
                .expectException(refused("round.closed")).expectNoEvents();
        fixture.given(closed).when(new CancelEvaluationRound(ROUND, "撤销"), SUPERVISOR)
                .expectException(refused("round.closed")).expectNoEvents();
        fixture.given(closed).when(new CalibrateItemScore(ROUND, "h1", decimal("50"), "理由"), SUPERVISOR)
                .expectException(refused("round.closed")).expectNoEvents();
        fixture.given(closed).when(new ScoreRoundItem(ROUND, "tp", score("h1", 1, 1, 1, 1)), TP)
                .expectException(refused("round.closed")).expectNoEvents();
        fixture.given(closed).when(new MarkScoringOverdue(ROUND, "tp"), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void a_round_is_closed_only_after_publication() {
        fixture.given(publishing()).when(new CloseEvaluationRound(ROUND), SUPERVISOR)
                .expectException(refused("round.not-published")).expectNoEvents();
        fixture.given(publishing(published())).when(new CloseEvaluationRound(ROUND), HEALTH_USER)
                .expectException(refused("office.not-supervisor")).expectNoEvents();
    }

    @Test
    void a_round_is_cancelled_midway_with_the_phase_it_was_in() {
        fixture.given(history()).when(new CancelEvaluationRound(ROUND, "规划调整"), SUPERVISOR)
                .expectEvents(new EvaluationRoundCancelled(ROUND, PLAN, RoundPhase.SELF_ASSESSMENT, "规划调整"));
        fixture.given(reconciling()).when(new CancelEvaluationRound(ROUND, "规划调整"), SUPERVISOR)
                .expectEvents(new EvaluationRoundCancelled(ROUND, PLAN, RoundPhase.RECONCILIATION, "规划调整"));
        fixture.given(publishing()).when(new CancelEvaluationRound(ROUND, "规划调整"), SUPERVISOR)
                .expectEvents(new EvaluationRoundCancelled(ROUND, PLAN, RoundPhase.PUBLICATION, "规划调整"));
    }

    @Test
    void a_published_round_is_not_cancelled_nor_a_cancelled_one_again_and_only_the_office_cancels() {
        fixture.given(publishing(published())).when(new CancelEvaluationRound(ROUND, "撤销"), SUPERVISOR)
                .expectException(refused("round.published")).expectNoEvents();
        List<Object> cancelled = scoring(new EvaluationRoundCancelled(ROUND, PLAN, RoundPhase.SCORING, "规划调整"));
        fixture.given(cancelled).when(new CancelEvaluationRound(ROUND, "再次撤销"), SUPERVISOR)
                .expectException(refused("round.cancelled")).expectNoEvents();
        fixture.given(cancelled).when(new SubmitSelfAssessment(ROUND, HEALTH.unitId(), List.of(entry("h1", 1),
                        entry("h2", 1))), HEALTH_USER)
                .expectException(refused("round.cancelled")).expectNoEvents();
        fixture.given(cancelled).when(new CloseScoring(ROUND, null), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(history()).when(new CancelEvaluationRound(ROUND, "撤销"), HEALTH_USER)
                .expectException(refused("office.not-supervisor")).expectNoEvents();
    }
}
