package org.duban.command.evaluation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.NotAuthorized;
import org.duban.api.evaluation.AppointEvaluator;
import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.EvaluatorAppointed;
import org.duban.api.evaluation.EvaluatorKind;
import org.duban.api.evaluation.ScoringClosed;
import org.duban.api.evaluation.ScoringScheme;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.duban.command.evaluation.Rounds.ADMIN;
import static org.duban.command.evaluation.Rounds.HEALTH_USER;
import static org.duban.command.evaluation.Rounds.OTHER_SUPERVISOR;
import static org.duban.command.evaluation.Rounds.PLAN;
import static org.duban.command.evaluation.Rounds.ROUND;
import static org.duban.command.evaluation.Rounds.SUPERVISOR;
import static org.duban.command.evaluation.Rounds.THIRD_PARTY;
import static org.duban.command.evaluation.Rounds.TP;
import static org.duban.command.evaluation.Rounds.history;
import static org.duban.command.evaluation.Rounds.open;
import static org.duban.command.evaluation.Rounds.opened;
import static org.duban.command.evaluation.Rounds.refused;
import static org.duban.command.evaluation.Rounds.scoring;

/** A round is opened by a supervisor of the plan's office, who appoints evaluators until scoring closes. */
class EvaluationRoundOpeningTest {
    private final AggregateTestFixture<EvaluationRound> fixture = new AggregateTestFixture<>(EvaluationRound.class);
    private static final Evaluator SECOND_THIRD_PARTY = new Evaluator("tp-2", "孙十", EvaluatorKind.THIRD_PARTY,
            "重庆某评估咨询公司");

    @Test
    void a_supervisor_of_the_plans_office_opens_a_round() {
        fixture.givenNoPriorActivity().when(open(ScoringScheme.standard()), SUPERVISOR)
                .expectEvents(opened());
    }

    @Test
    void an_administrator_opens_a_round() {
        fixture.givenNoPriorActivity().when(open(ScoringScheme.grades()), ADMIN)
                .expectEvents(opened(ScoringScheme.grades()));
    }

    @Test
    void a_supervisor_of_another_office_a_unit_and_an_evaluator_cannot_open_a_round() {
        for (Map<String, Object> actor : List.of(OTHER_SUPERVISOR, HEALTH_USER, TP)) {
            fixture.givenNoPriorActivity().when(open(ScoringScheme.standard()), actor)
                    .expectException(NotAuthorized.class).expectNoEvents();
        }
    }

    @Test
    void a_round_is_opened_once() {
        fixture.given(opened()).when(open(ScoringScheme.standard()), SUPERVISOR)
                .expectException(refused("round.exists")).expectNoEvents();
    }

    @Test
    void a_supervisor_appoints_another_evaluator_during_self_assessment_and_scoring() {
        fixture.given(opened()).when(new AppointEvaluator(ROUND, SECOND_THIRD_PARTY), SUPERVISOR)
                .expectEvents(new EvaluatorAppointed(ROUND, PLAN, SECOND_THIRD_PARTY));
        fixture.given(scoring()).when(new AppointEvaluator(ROUND, SECOND_THIRD_PARTY), SUPERVISOR)
                .expectEvents(new EvaluatorAppointed(ROUND, PLAN, SECOND_THIRD_PARTY));
    }

    @Test
    void appointing_an_evaluator_again_changes_nothing_and_another_person_under_the_same_account_is_refused() {
        fixture.given(opened()).when(new AppointEvaluator(ROUND, THIRD_PARTY), SUPERVISOR).expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.given(opened()).when(new AppointEvaluator(ROUND, new Evaluator("tp", "赵六", EvaluatorKind.THIRD_PARTY,
                        "另一家公司")), SUPERVISOR)
                .expectException(refused("evaluator.appointed")).expectNoEvents();
    }

    @Test
    void no_evaluator_is_appointed_after_scoring_closed_nor_by_anyone_but_the_office() {
        fixture.given(scoring(new ScoringClosed(ROUND, PLAN, List.of())))
                .when(new AppointEvaluator(ROUND, SECOND_THIRD_PARTY), SUPERVISOR)
                .expectException(refused("round.scoring-closed")).expectNoEvents();
        fixture.given(history()).when(new AppointEvaluator(ROUND, SECOND_THIRD_PARTY), OTHER_SUPERVISOR)
                .expectException(refused("office.not-supervisor")).expectNoEvents();
        fixture.given(history()).when(new AppointEvaluator(ROUND, SECOND_THIRD_PARTY), TP)
                .expectException(NotAuthorized.class).expectNoEvents();
    }
}
