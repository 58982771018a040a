package org.duban.command.evaluation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.evaluation.CloseScoring;
import org.duban.api.evaluation.CompleteScoring;
import org.duban.api.evaluation.ConflictOfInterestDeclared;
import org.duban.api.evaluation.DeclareConflictOfInterest;
import org.duban.api.evaluation.EvaluatorScoringCompleted;
import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemScore;
import org.duban.api.evaluation.MarkScoringOverdue;
import org.duban.api.evaluation.RemindEvaluator;
import org.duban.api.evaluation.ScoreRoundItem;
import org.duban.api.evaluation.ScoringClosed;
import org.duban.api.evaluation.ScoringOverdue;
import org.duban.api.evaluation.ScoringReminderSent;
import org.duban.api.evaluation.ScoringScheme;
import org.duban.api.evaluation.SelfAssessmentClosed;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.duban.command.evaluation.Rounds.DEADLINES;
import static org.duban.command.evaluation.Rounds.HEALTH_USER;
import static org.duban.command.evaluation.Rounds.PLAN;
import static org.duban.command.evaluation.Rounds.ROUND;
import static org.duban.command.evaluation.Rounds.SUPERVISOR;
import static org.duban.command.evaluation.Rounds.SYSTEM;
import static org.duban.command.evaluation.Rounds.TP;
import static org.duban.command.evaluation.Rounds.history;
import static org.duban.command.evaluation.Rounds.opened;
import static org.duban.command.evaluation.Rounds.refused;
import static org.duban.command.evaluation.Rounds.score;
import static org.duban.command.evaluation.Rounds.scored;
import static org.duban.command.evaluation.Rounds.scoring;
import static org.duban.command.evaluation.Rounds.theSixScores;

/**
 * Appointed evaluators score each item as the scheme asks, as themselves, except items they declared a conflict with;
 * they hand in once everything else is scored. Closing scoring names the items the evaluators differ on beyond the
 * scheme's threshold.
 */
class EvaluationRoundScoringTest {
    private final AggregateTestFixture<EvaluationRound> fixture = new AggregateTestFixture<>(EvaluationRound.class);

    private static ScoreRoundItem byTp(ItemScore score) {
        return new ScoreRoundItem(ROUND, "tp", score);
    }

    private static ConflictOfInterestDeclared tpConflict(String... itemIds) {
        return new ConflictOfInterestDeclared(ROUND, PLAN, "tp", List.of(itemIds), "曾为该单位提供咨询");
    }

    private static List<Object> scoringWith(List<Object> events) {
        List<Object> all = scoring();
        all.addAll(events);
        return all;
    }

    // --- scoring per the scheme --------------------------------------------------------------------------------

    @Test
    void an_evaluator_scores_an_item_and_the_scheme_makes_the_weighted_total() {
        fixture.given(scoring()).when(byTp(score("h1", 90, 80, 100, 70)), TP)
                .expectEvents(scored("tp", score("h1", 90, 80, 100, 70), "85.50"));
    }

    @Test
    void a_supervisor_appointed_as_evaluator_scores_as_themself() {
        fixture.given(scoring()).when(new ScoreRoundItem(ROUND, "supervisor", score("m1", 90, 90, 90, 90)), SUPERVISOR)
                .expectEvents(scored("supervisor", score("m1", 90, 90, 90, 90), "90.00"));
    }

    @Test
    void a_missing_criterion_is_refused_naming_it() {
        ItemScore partial = new ItemScore("h1", Map.of("completion", BigDecimal.valueOf(90),
                "quality", BigDecimal.valueOf(80), "attainment", BigDecimal.valueOf(70)), null, null);
        fixture.given(scoring()).when(byTp(partial), TP)
                .expectException(refused("score.criterion-missing"))
                .expectExceptionMessage("criterion timeliness (及时性) of item h1 has no score").expectNoEvents();
    }

    @Test
    void a_criterion_outside_the_scheme_and_a_grade_in_a_weighted_round_are_refused() {
        Map<String, BigDecimal> extra = new java.util.HashMap<>(score("h1", 90, 80, 100, 70).criterionScores());
        extra.put("innovation", BigDecimal.TEN);
        fixture.given(scoring()).when(byTp(new ItemScore("h1", extra, null, null)), TP)
                .expectException(refused("score.criterion-unknown")).expectNoEvents();
        ItemScore both = new ItemScore("h1", score("h1", 90, 80, 100, 70).criterionScores(), Grade.GOOD, null);
        fixture.given(scoring()).when(byTp(both), TP)
                .expectException(refused("score.grade-not-taken")).expectNoEvents();
    }

    @Test
    void in_a_grades_round_an_evaluator_gives_a_grade_which_counts_as_its_nominal_score() {
        List<Object> grades = new ArrayList<>(List.of(opened(ScoringScheme.grades()),
                new SelfAssessmentClosed(ROUND, PLAN, List.of())));
        ItemScore good = new ItemScore("h1", Map.of(), Grade.GOOD, "良");
        fixture.given(grades).when(byTp(good), TP)
                .expectEvents(new org.duban.api.evaluation.RoundItemScored(ROUND, PLAN, "tp", good, new BigDecimal("82.00")));
        fixture.given(grades).when(byTp(new ItemScore("h1", Map.of(), null, "没有等次")), TP)
                .expectException(refused("score.grade-required")).expectNoEvents();
        fixture.given(grades).when(byTp(score("h1", 90, 80, 100, 70)), TP)
                .expectException(refused("score.criteria-not-taken")).expectNoEvents();
    }

    @Test
    void scoring_again_before_handing_in_replaces_and_the_same_score_again_changes_nothing() {
        fixture.given(scoring(scored("tp", score("h1", 90, 80, 100, 70), "85.50")))
                .when(byTp(score("h1", 80, 80, 100, 70)), TP)
                .expectEvents(scored("tp", score("h1", 80, 80, 100, 70), "81.50"));
        fixture.given(scoring(scored("tp", score("h1", 90, 80, 100, 70), "85.50")))
                .when(byTp(score("h1", 90, 80, 100, 70)), TP)
                .expectNoEvents().expectSuccessfulHandlerExecution();
    }

    @Test
    void an_evaluator_scores_only_as_themself_and_only_if_appointed() {
        fixture.given(scoring()).when(byTp(score("h1", 90, 80, 100, 70)), SUPERVISOR)
                .expectException(refused("evaluator.not-self")).expectNoEvents();
        fixture.given(scoring()).when(new ScoreRoundItem(ROUND, "health", score("h1", 90, 80, 100, 70)), HEALTH_USER)
                .expectException(refused("evaluator.not-appointed")).expectNoEvents();
        fixture.given(scoring()).when(byTp(score("h1", 90, 80, 100, 70)), SYSTEM)
                .expectException(refused("evaluator.not-self")).expectNoEvents();
    }

    @Test
    void nobody_scores_during_self_assessment_nor_an_item_outside_the_round() {
        fixture.given(history()).when(byTp(score("h1", 90, 80, 100, 70)), TP)
                .expectException(refused("round.not-scoring")).expectNoEvents();
        fixture.given(scoring()).when(byTp(score("x9", 90, 80, 100, 70)), TP)
                .expectException(refused("round.item-not-in-round")).expectNoEvents();
    }

    // --- conflicts of interest ---------------------------------------------------------------------------------

    @Test
    void an_evaluator_declares_a_conflict_and_cannot_score_the_item() {
        fixture.given(scoring()).when(new DeclareConflictOfInterest(ROUND, "tp", List.of("m1"), "曾为该单位提供咨询"), TP)
                .expectEvents(tpConflict("m1"));
        fixture.given(scoring(tpConflict("m1"))).when(byTp(score("m1", 60, 70, 50, 60)), TP)
                .expectException(refused("evaluator.conflicted")).expectNoEvents();
    }

    @Test
    void a_conflict_is_declared_from_the_opening_and_items_declared_already_are_not_declared_again() {
        fixture.given(history()).when(new DeclareConflictOfInterest(ROUND, "tp", List.of("m1"), "曾为该单位提供咨询"), TP)
                .expectEvents(tpConflict("m1"));
        fixture.given(scoring(tpConflict("m1")))
                .when(new DeclareConflictOfInterest(ROUND, "tp", List.of("m1", "h2"), "曾为该单位提供咨询"), TP)
                .expectEvents(tpConflict("h2"));
        fixture.given(scoring(tpConflict("m1")))
                .when(new DeclareConflictOfInterest(ROUND, "tp", List.of("m1"), "曾为该单位提供咨询"), TP)
                .expectNoEvents();
    }

    @Test
    void a_conflict_is_declared_by_the_evaluator_on_items_of_the_round_before_handing_in() {
        fixture.given(scoring()).when(new DeclareConflictOfInterest(ROUND, "tp", List.of("m1"), "代为申报"), SUPERVISOR)
                .expectException(refused("evaluator.not-self")).expectNoEvents();
        fixture.given(scoring()).when(new DeclareConflictOfInterest(ROUND, "tp", List.of("x9"), "理由"), TP)
                .expectException(refused("round.item-not-in-round")).expectNoEvents();
        fixture.given(scoringWith(theSixScores()))
                .when(new DeclareConflictOfInterest(ROUND, "tp", List.of("m1"), "理由"), TP)
                .expectException(refused("evaluator.completed")).expectNoEvents();
    }

    @Test
    void a_score_given_before_the_conflict_was_declared_no_longer_counts() {
        // tp scored m1, then declared a conflict with it: handing in needs h1 and h2 only, and counts 2 items
        fixture.given(scoring(scored("tp", score("m1", 60, 70, 50, 60), "61.50"), tpConflict("m1"),
                        scored("tp", score("h1", 90, 80, 100, 70), "85.50"), scored("tp", score("h2", 70, 60, 80, 60), "67.00")))
                .when(new CompleteScoring(ROUND, "tp"), TP)
                .expectEvents(new EvaluatorScoringCompleted(ROUND, PLAN, "tp", 2));
    }

    // --- handing in ------------------------------------------------------------------------------------------------

    @Test
    void handing_in_takes_every_item_without_a_conflict() {
        fixture.given(scoring(scored("tp", score("h1", 90, 80, 100, 70), "85.50")))
                .when(new CompleteScoring(ROUND, "tp"), TP)
                .expectException(refused("scoring.items-unscored"))
                .expectExceptionMessage("evaluator tp has not scored items h2, m1 (2) yet; every item without a "
                        + "declared conflict is scored before handing in").expectNoEvents();
        fixture.given(scoring(scored("tp", score("h1", 90, 80, 100, 70), "85.50"),
                        scored("tp", score("h2", 70, 60, 80, 60), "67.00"), tpConflict("m1")))
                .when(new CompleteScoring(ROUND, "tp"), TP)
                .expectEvents(new EvaluatorScoringCompleted(ROUND, PLAN, "tp", 2));
    }

    @Test
    void after_handing_in_an_evaluator_scores_nothing_more_and_handing_in_again_changes_nothing() {
        fixture.given(scoringWith(theSixScores())).when(byTp(score("h1", 10, 10, 10, 10)), TP)
                .expectException(refused("evaluator.completed")).expectNoEvents();
        fixture.given(scoringWith(theSixScores())).when(new CompleteScoring(ROUND, "tp"), TP)
                .expectNoEvents().expectSuccessfulHandlerExecution();
        fixture.given(scoring()).when(new CompleteScoring(ROUND, "tp"), SUPERVISOR)
                .expectException(refused("evaluator.not-self")).expectNoEvents();
    }

    // --- closing scoring ---------------------------------------------------------------------------------------

    @Test
    void closing_scoring_names_the_items_whose_evaluators_differ_beyond_the_threshold() {
        // h1 85.50 / 81.50 and h2 67.00 / 60.00 lie within 15 points; m1 61.50 / 90.00 lies 28.50 apart
        fixture.given(scoringWith(theSixScores())).when(new CloseScoring(ROUND, null), SYSTEM)
                .expectEvents(new ScoringClosed(ROUND, PLAN, List.of("m1"))).expectResultMessagePayload(true);
    }

    @Test
    void without_divergent_items_closing_scoring_leads_straight_to_calibration() {
        fixture.given(scoring(scored("tp", score("h1", 90, 80, 100, 70), "85.50"),
                        scored("supervisor", score("h1", 80, 80, 90, 80), "81.50")))
                .when(new CloseScoring(ROUND, null), SYSTEM)
                .expectEvents(new ScoringClosed(ROUND, PLAN, List.of()));
    }

    @Test
    void a_supervisor_who_closes_scoring_while_evaluators_have_not_handed_in_says_why() {
        fixture.given(scoring(scored("tp", score("h1", 90, 80, 100, 70), "85.50")))
                .when(new CloseScoring(ROUND, null), SUPERVISOR)
                .expectException(refused("round.reason-required")).expectNoEvents();
        fixture.given(scoring(scored("tp", score("h1", 90, 80, 100, 70), "85.50")))
                .when(new CloseScoring(ROUND, "第三方逾期未交"), SUPERVISOR)
                .expectEvents(new ScoringClosed(ROUND, PLAN, List.of()));
    }

    @Test
    void the_close_the_process_sends_in_the_last_evaluators_name_is_taken_once_everyone_handed_in() {
        fixture.given(scoringWith(theSixScores())).when(new CloseScoring(ROUND, null), TP)
                .expectEvents(new ScoringClosed(ROUND, PLAN, List.of("m1"))).expectResultMessagePayload(true);
    }

    @Test
    void scoring_closes_only_once_it_runs_and_closing_it_again_changes_nothing() {
        fixture.given(history()).when(new CloseScoring(ROUND, "提前"), SUPERVISOR)
                .expectException(refused("round.not-scoring")).expectNoEvents();
        fixture.given(scoring(new ScoringClosed(ROUND, PLAN, List.of()))).when(new CloseScoring(ROUND, null), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(scoring(new ScoringClosed(ROUND, PLAN, List.of()))).when(new CloseScoring(ROUND, "再次"), SUPERVISOR)
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(scoring()).when(new CloseScoring(ROUND, "提前"), TP)
                .expectException(refused("office.not-supervisor")).expectNoEvents();
    }

    // --- reminders and the overdue mark ------------------------------------------------------------------------

    @Test
    void an_evaluator_who_has_not_handed_in_is_reminded_and_marked_overdue_once() {
        fixture.given(scoring()).when(new RemindEvaluator(ROUND, "tp"), SYSTEM)
                .expectEvents(new ScoringReminderSent(ROUND, PLAN, "tp", DEADLINES.scoringDue()))
                .expectResultMessagePayload(true);
        fixture.given(scoring()).when(new MarkScoringOverdue(ROUND, "tp"), SYSTEM)
                .expectEvents(new ScoringOverdue(ROUND, PLAN, "tp", DEADLINES.scoringDue()))
                .expectResultMessagePayload(true);
        fixture.given(scoring(new ScoringOverdue(ROUND, PLAN, "tp", DEADLINES.scoringDue())))
                .when(new MarkScoringOverdue(ROUND, "tp"), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void an_evaluator_who_handed_in_is_neither_reminded_nor_marked_and_a_stranger_is_refused() {
        fixture.given(scoringWith(theSixScores())).when(new RemindEvaluator(ROUND, "tp"), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(scoringWith(theSixScores())).when(new MarkScoringOverdue(ROUND, "tp"), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(history()).when(new RemindEvaluator(ROUND, "tp"), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(scoring()).when(new RemindEvaluator(ROUND, "nobody"), SUPERVISOR)
                .expectException(refused("round.evaluator-not-in-round")).expectNoEvents();
    }
}
