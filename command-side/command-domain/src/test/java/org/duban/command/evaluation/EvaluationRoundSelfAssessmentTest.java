package org.duban.command.evaluation;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.matchers.Matchers;
import org.duban.api.MetadataKeys;
import org.duban.api.NotAuthorized;
import org.duban.api.evaluation.CloseSelfAssessment;
import org.duban.api.evaluation.EvaluationRoundCancelled;
import org.duban.api.evaluation.MarkSelfAssessmentOverdue;
import org.duban.api.evaluation.RemindSelfAssessment;
import org.duban.api.evaluation.RoundPhase;
import org.duban.api.evaluation.SelfAssessmentClosed;
import org.duban.api.evaluation.SelfAssessmentOverdue;
import org.duban.api.evaluation.SelfAssessmentReminderSent;
import org.duban.api.evaluation.SelfAssessmentSubmitted;
import org.duban.api.evaluation.SubmitSelfAssessment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.duban.command.evaluation.Rounds.DEADLINES;
import static org.duban.command.evaluation.Rounds.HEALTH;
import static org.duban.command.evaluation.Rounds.HEALTH_USER;
import static org.duban.command.evaluation.Rounds.JULY_11;
import static org.duban.command.evaluation.Rounds.JULY_5;
import static org.duban.command.evaluation.Rounds.MARKET;
import static org.duban.command.evaluation.Rounds.MARKET_USER;
import static org.duban.command.evaluation.Rounds.OTHER_SUPERVISOR;
import static org.duban.command.evaluation.Rounds.PLAN;
import static org.duban.command.evaluation.Rounds.ROUND;
import static org.duban.command.evaluation.Rounds.SUPERVISOR;
import static org.duban.command.evaluation.Rounds.SYSTEM;
import static org.duban.command.evaluation.Rounds.TP;
import static org.duban.command.evaluation.Rounds.entry;
import static org.duban.command.evaluation.Rounds.history;
import static org.duban.command.evaluation.Rounds.refused;
import static org.duban.command.evaluation.Rounds.scoring;

/**
 * Each unit assesses its own items once, every one of them; late after the due day, until the phase closes. The
 * round's process closes the phase; a supervisor who closes it with units missing says why.
 */
class EvaluationRoundSelfAssessmentTest {
    private final AggregateTestFixture<EvaluationRound> fixture = new AggregateTestFixture<>(EvaluationRound.class);

    /** The round so far, on 5 July (before the due day of 10 July). */
    private TestExecutor<EvaluationRound> given(Object... events) {
        return fixture.givenCurrentTime(JULY_5).andGiven(history(events));
    }

    private static SubmitSelfAssessment health() {
        return new SubmitSelfAssessment(ROUND, HEALTH.unitId(), List.of(entry("h2", 80), entry("h1", 90)));
    }

    private static SelfAssessmentSubmitted healthSubmitted(boolean late) {
        return new SelfAssessmentSubmitted(ROUND, PLAN, HEALTH.unitId(), List.of(entry("h1", 90), entry("h2", 80)), late);
    }

    private static SelfAssessmentSubmitted marketSubmitted() {
        return new SelfAssessmentSubmitted(ROUND, PLAN, MARKET.unitId(), List.of(entry("m1", 85)), false);
    }

    @Test
    void a_unit_user_assesses_the_units_items_recorded_in_the_rounds_order() {
        given().when(health(), HEALTH_USER).expectEvents(healthSubmitted(false));
    }

    @Test
    void a_unit_named_by_its_id_in_the_metadata_assesses_itself_too() {
        given().when(health(), Map.of("actorUser", "health", "actorRole", "UNIT_USER", "actorUnit", HEALTH.unitId()))
                .expectEvents(healthSubmitted(false));
    }

    @Test
    void a_supervisor_of_the_office_submits_on_a_units_behalf() {
        given().when(health(), SUPERVISOR).expectEvents(healthSubmitted(false));
    }

    @Test
    void a_unit_cannot_assess_another_unit_nor_can_an_evaluator_or_another_office() {
        given().when(health(), MARKET_USER).expectException(refused("self-assessment.not-the-unit")).expectNoEvents();
        given().when(health(), TP).expectException(NotAuthorized.class).expectNoEvents();
        given().when(health(), OTHER_SUPERVISOR).expectException(NotAuthorized.class).expectNoEvents();
    }

    @Test
    void an_item_of_another_unit_is_refused() {
        given().when(new SubmitSelfAssessment(ROUND, MARKET.unitId(), List.of(entry("m1", 85), entry("h1", 90))),
                        MARKET_USER)
                .expectException(refused("self-assessment.item-not-of-unit")).expectExceptionMessage(
                        "item h1 is not one of the items of 区市场监管局 in evaluation round round-1").expectNoEvents();
    }

    @Test
    void an_item_missing_is_refused_naming_it() {
        given().when(new SubmitSelfAssessment(ROUND, HEALTH.unitId(), List.of(entry("h1", 90))), HEALTH_USER)
                .expectException(refused("self-assessment.items-missing")).expectExceptionMessage(
                        "the self-assessment of 区卫生健康委 has no entry for item h2; it assesses each of the unit's items")
                .expectNoEvents();
    }

    @Test
    void a_unit_outside_the_round_is_refused() {
        Map<String, Object> other = Map.of("actorRole", "UNIT_USER", "actorUnit", "区交通局");
        given().when(new SubmitSelfAssessment(ROUND, org.duban.api.unit.UnitIds.of("区交通局"),
                        List.of(entry("h1", 90))), other)
                .expectException(refused("round.unit-not-in-round")).expectNoEvents();
    }

    @Test
    void a_self_assessment_is_taken_once() {
        given(healthSubmitted(false)).when(health(), HEALTH_USER)
                .expectException(refused("self-assessment.submitted")).expectNoEvents();
    }

    @Test
    void a_unit_marked_overdue_still_submits_and_is_recorded_late() {
        given(new SelfAssessmentOverdue(ROUND, PLAN, HEALTH.unitId(), DEADLINES.selfAssessmentDue()))
                .when(health(), HEALTH_USER).expectEvents(healthSubmitted(true));
    }

    @Test
    void a_submission_after_the_due_day_in_shanghai_is_late_even_before_the_overdue_mark() {
        fixture.givenCurrentTime(JULY_11).andGiven(history()).when(health(), HEALTH_USER)
                .expectEvents(healthSubmitted(true));
    }

    @Test
    void no_self_assessment_is_taken_after_the_phase_closed_or_the_round_was_cancelled() {
        given(new SelfAssessmentClosed(ROUND, PLAN, List.of(HEALTH.unitId(), MARKET.unitId())))
                .when(health(), HEALTH_USER).expectException(refused("round.not-self-assessment")).expectNoEvents();
        given(new EvaluationRoundCancelled(ROUND, PLAN, RoundPhase.SELF_ASSESSMENT, "规划调整"))
                .when(health(), HEALTH_USER).expectException(refused("round.cancelled")).expectNoEvents();
    }

    // --- closing the phase -------------------------------------------------------------------------------------

    @Test
    void the_process_closes_the_phase_once_every_unit_is_in() {
        given(healthSubmitted(false), marketSubmitted()).when(new CloseSelfAssessment(ROUND, null), SYSTEM)
                .expectEvents(new SelfAssessmentClosed(ROUND, PLAN, List.of())).expectResultMessagePayload(true);
    }

    @Test
    void at_the_deadline_the_process_closes_it_without_the_missing_units() {
        given(healthSubmitted(false)).when(new CloseSelfAssessment(ROUND, null), SYSTEM)
                .expectEvents(new SelfAssessmentClosed(ROUND, PLAN, List.of(MARKET.unitId())));
    }

    @Test
    void a_supervisor_who_closes_it_with_units_missing_says_why_and_the_reason_is_recorded() {
        given(healthSubmitted(false)).when(new CloseSelfAssessment(ROUND, null), SUPERVISOR)
                .expectException(refused("round.reason-required"))
                .expectExceptionMessage("区市场监管局 have not assessed themselves yet: say why the self-assessment "
                        + "closes without them").expectNoEvents();
        given(healthSubmitted(false)).when(new CloseSelfAssessment(ROUND, "市场监管局已书面说明"), SUPERVISOR)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.equalTo(new SelfAssessmentClosed(ROUND, PLAN, List.of(MARKET.unitId()))),
                        Matchers.andNoMore())))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.predicate(event -> "市场监管局已书面说明"
                        .equals(((EventMessage<?>) event).getMetaData().get(MetadataKeys.REASON))), Matchers.andNoMore()));
    }

    @Test
    void a_supervisor_closes_a_complete_phase_without_a_reason() {
        given(healthSubmitted(false), marketSubmitted()).when(new CloseSelfAssessment(ROUND, null), SUPERVISOR)
                .expectEvents(new SelfAssessmentClosed(ROUND, PLAN, List.of()));
    }

    @Test
    void closing_a_phase_already_over_changes_nothing_but_in_an_ended_round_a_person_is_refused() {
        fixture.given(scoring()).when(new CloseSelfAssessment(ROUND, null), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(scoring()).when(new CloseSelfAssessment(ROUND, null), SUPERVISOR)
                .expectNoEvents().expectResultMessagePayload(false);
        given(new EvaluationRoundCancelled(ROUND, PLAN, RoundPhase.SELF_ASSESSMENT, "规划调整"))
                .when(new CloseSelfAssessment(ROUND, null), SYSTEM).expectNoEvents().expectResultMessagePayload(false);
        given(new EvaluationRoundCancelled(ROUND, PLAN, RoundPhase.SELF_ASSESSMENT, "规划调整"))
                .when(new CloseSelfAssessment(ROUND, "结束"), SUPERVISOR)
                .expectException(refused("round.cancelled")).expectNoEvents();
    }

    @Test
    void the_close_the_process_sends_in_the_last_submitters_name_is_taken_once_every_unit_is_in() {
        given(healthSubmitted(false), marketSubmitted()).when(new CloseSelfAssessment(ROUND, null), MARKET_USER)
                .expectEvents(new SelfAssessmentClosed(ROUND, PLAN, List.of())).expectResultMessagePayload(true);
    }

    @Test
    void only_the_office_closes_the_phase_with_units_missing() {
        given(healthSubmitted(false)).when(new CloseSelfAssessment(ROUND, "提前结束"), HEALTH_USER)
                .expectException(refused("office.not-supervisor")).expectNoEvents();
        given().when(new CloseSelfAssessment(ROUND, "提前结束"), HEALTH_USER)
                .expectException(refused("office.not-supervisor")).expectNoEvents();
        given().when(new CloseSelfAssessment(ROUND, "提前结束"), OTHER_SUPERVISOR)
                .expectException(refused("office.not-supervisor")).expectNoEvents();
    }

    // --- reminders and the overdue mark ------------------------------------------------------------------------

    @Test
    void a_unit_that_has_not_submitted_is_reminded_and_marked_overdue_once() {
        given().when(new RemindSelfAssessment(ROUND, HEALTH.unitId()), SYSTEM)
                .expectEvents(new SelfAssessmentReminderSent(ROUND, PLAN, HEALTH.unitId(), DEADLINES.selfAssessmentDue()))
                .expectResultMessagePayload(true);
        given().when(new MarkSelfAssessmentOverdue(ROUND, HEALTH.unitId()), SYSTEM)
                .expectEvents(new SelfAssessmentOverdue(ROUND, PLAN, HEALTH.unitId(), DEADLINES.selfAssessmentDue()))
                .expectResultMessagePayload(true);
        given(new SelfAssessmentOverdue(ROUND, PLAN, HEALTH.unitId(), DEADLINES.selfAssessmentDue()))
                .when(new MarkSelfAssessmentOverdue(ROUND, HEALTH.unitId()), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void a_unit_that_has_submitted_is_neither_reminded_nor_marked_overdue() {
        given(healthSubmitted(false)).when(new RemindSelfAssessment(ROUND, HEALTH.unitId()), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
        given(healthSubmitted(false)).when(new MarkSelfAssessmentOverdue(ROUND, HEALTH.unitId()), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
        fixture.given(scoring()).when(new RemindSelfAssessment(ROUND, HEALTH.unitId()), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void timers_of_an_ended_round_do_nothing_and_a_persons_reminder_is_refused() {
        given(new EvaluationRoundCancelled(ROUND, PLAN, RoundPhase.SELF_ASSESSMENT, "规划调整"))
                .when(new MarkSelfAssessmentOverdue(ROUND, HEALTH.unitId()), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
        given(new EvaluationRoundCancelled(ROUND, PLAN, RoundPhase.SELF_ASSESSMENT, "规划调整"))
                .when(new RemindSelfAssessment(ROUND, HEALTH.unitId()), SUPERVISOR)
                .expectException(refused("round.cancelled")).expectNoEvents();
    }

    @Test
    void a_reminder_to_a_unit_outside_the_round_is_refused_and_units_do_not_remind() {
        given().when(new RemindSelfAssessment(ROUND, "unit-nobody"), SUPERVISOR)
                .expectException(refused("round.unit-not-in-round")).expectNoEvents();
        given().when(new RemindSelfAssessment(ROUND, HEALTH.unitId()), MARKET_USER)
                .expectException(refused("office.not-supervisor")).expectNoEvents();
    }
}
