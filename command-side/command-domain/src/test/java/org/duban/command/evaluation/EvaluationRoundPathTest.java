package org.duban.command.evaluation;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.evaluation.CalibrateItemScore;
import org.duban.api.evaluation.CloseScoring;
import org.duban.api.evaluation.CloseSelfAssessment;
import org.duban.api.evaluation.CompleteReconciliation;
import org.duban.api.evaluation.CompleteScoring;
import org.duban.api.evaluation.FinishCalibration;
import org.duban.api.evaluation.Grade;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.ItemResult;
import org.duban.api.evaluation.PublishRoundResults;
import org.duban.api.evaluation.ReconcileItemScore;
import org.duban.api.evaluation.RoundResultsPublished;
import org.duban.api.evaluation.ScoreRoundItem;
import org.duban.api.evaluation.ScoringScheme;
import org.duban.api.evaluation.SubmitSelfAssessment;
import org.duban.api.evaluation.UnitResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.duban.command.evaluation.Rounds.HEALTH;
import static org.duban.command.evaluation.Rounds.HEALTH_USER;
import static org.duban.command.evaluation.Rounds.JULY_5;
import static org.duban.command.evaluation.Rounds.MARKET;
import static org.duban.command.evaluation.Rounds.MARKET_USER;
import static org.duban.command.evaluation.Rounds.PLAN;
import static org.duban.command.evaluation.Rounds.ROUND;
import static org.duban.command.evaluation.Rounds.SUPERVISOR;
import static org.duban.command.evaluation.Rounds.SYSTEM;
import static org.duban.command.evaluation.Rounds.TP;
import static org.duban.command.evaluation.Rounds.decimal;
import static org.duban.command.evaluation.Rounds.entry;
import static org.duban.command.evaluation.Rounds.open;
import static org.duban.command.evaluation.Rounds.score;

/**
 * The integration test's round, command by command, as its people send them: the published results must come out as
 * its hand calculation says.
 */
class EvaluationRoundPathTest {
    private final AggregateTestFixture<EvaluationRound> fixture = new AggregateTestFixture<>(EvaluationRound.class);

    private static Object as(Map<String, Object> actor, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(actor);
    }

    @Test
    void the_mid_term_round_of_the_integration_test_publishes_its_hand_calculation() {
        fixture.givenCurrentTime(JULY_5).andGivenCommands(
                        as(SUPERVISOR, open(ScoringScheme.standard())),
                        as(HEALTH_USER, new SubmitSelfAssessment(ROUND, HEALTH.unitId(), List.of(entry("h1", 90), entry("h2", 80)))),
                        as(MARKET_USER, new SubmitSelfAssessment(ROUND, MARKET.unitId(), List.of(entry("m1", 85)))),
                        as(SYSTEM, new CloseSelfAssessment(ROUND, null)),
                        as(TP, new ScoreRoundItem(ROUND, "tp", score("h1", 90, 80, 100, 70))),
                        as(TP, new ScoreRoundItem(ROUND, "tp", score("h2", 70, 60, 80, 60))),
                        as(TP, new ScoreRoundItem(ROUND, "tp", score("m1", 60, 70, 50, 60))),
                        as(SUPERVISOR, new ScoreRoundItem(ROUND, "supervisor", score("h1", 80, 80, 90, 80))),
                        as(SUPERVISOR, new ScoreRoundItem(ROUND, "supervisor", score("h2", 60, 60, 60, 60))),
                        as(SUPERVISOR, new ScoreRoundItem(ROUND, "supervisor", score("m1", 90, 90, 90, 90))),
                        as(TP, new CompleteScoring(ROUND, "tp")),
                        as(SUPERVISOR, new CompleteScoring(ROUND, "supervisor")),
                        as(SYSTEM, new CloseScoring(ROUND, null)),
                        as(SUPERVISOR, new ReconcileItemScore(ROUND, "m1", decimal("75"), "经复核，取两方意见折中")),
                        as(SUPERVISOR, new CompleteReconciliation(ROUND)),
                        as(SUPERVISOR, new CalibrateItemScore(ROUND, "h2", decimal("55"), "项目未开工，佐证不足")),
                        as(SUPERVISOR, new FinishCalibration(ROUND)))
                .when(new PublishRoundResults(ROUND, List.of()), SUPERVISOR)
                .expectEvents(new RoundResultsPublished(ROUND, PLAN, List.of(
                        new ItemResult("h1", ItemKind.TASK, HEALTH.unitId(), decimal("83.50"), Grade.GOOD,
                                decimal("90.00"), 2, false, false),
                        new ItemResult("h2", ItemKind.TASK, HEALTH.unitId(), decimal("55.00"), Grade.POOR,
                                decimal("80.00"), 2, false, true),
                        new ItemResult("m1", ItemKind.TASK, MARKET.unitId(), decimal("75.00"), Grade.GOOD,
                                decimal("85.00"), 2, true, false)),
                        List.of(new UnitResult(MARKET, decimal("75.00"), Grade.GOOD, 1, 1),
                                new UnitResult(HEALTH, decimal("69.25"), Grade.FAIR, 2, 2)),
                        List.of()));
    }
}
