package org.duban.process.evaluation;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.evaluation.*;
import org.duban.api.supervision.CaseTrigger;
import org.duban.api.supervision.IssueSupervisionNotice;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.SupervisedItem;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.RequestTaskAdjustment;
import org.duban.api.unit.UnitRef;
import org.duban.process.WorkflowClock;
import org.duban.process.WorkflowCommands;
import org.duban.process.adjustment.AdjustmentSteps;
import org.duban.process.adjustment.AdjustmentTimers;
import org.duban.process.adjustment.Adjustments;
import org.duban.process.steps.OpenStep;
import org.duban.process.steps.StepKind;
import org.duban.process.steps.WaitingSteps;
import org.duban.process.supervision.SupervisionCases;
import org.duban.process.support.FlowCoverage;
import org.duban.process.support.Weekdays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * Every path of {@code evaluation-round.bpmn}: self-assessment (reminded, overdue, late, closed by hand or at its
 * deadline), scoring (likewise), reconciliation or none, calibration, publication with notices on low scores, the
 * follow-up and close, and a cancellation in each phase before publication. The command gateway is a mock that
 * answers as the round would, telling the process the round's ScoringClosed and RoundResultsPublished as the event
 * bus does.
 */
@Deployment(resources = {"bpmn/evaluation-round.bpmn", "bpmn/adjustment.bpmn"})
class EvaluationRoundProcessTest {

    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();
    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final FlowCoverage COVERAGE = new FlowCoverage("bpmn/evaluation-round.bpmn", EvaluationRounds.PROCESS_KEY);

    /** A Monday. Self-assessment is due on Friday the 18th, scoring on Wednesday the 30th. */
    static final LocalDate TODAY = LocalDate.of(2025, 4, 7);
    static final PhaseDeadlines DEADLINES = new PhaseDeadlines(LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 30),
            LocalDate.of(2025, 5, 9), LocalDate.of(2025, 5, 16));
    static final String ROUND = "round-1";
    static final String HEALTH = "unit-health";
    static final String MARKET = "unit-market";
    static final String THIRD_PARTY = "tp-qian";
    static final String SUPERVISOR = "supervisor";
    static final RoundItem H1 = new RoundItem("task-h1", ItemKind.TASK, new UnitRef(HEALTH, "区卫生健康委"), "1. 中医馆建设", null);
    static final RoundItem H2 = new RoundItem("task-h2", ItemKind.TASK, new UnitRef(HEALTH, "区卫生健康委"), "2. 名医工作室", null);
    static final RoundItem M1 = new RoundItem("ind-m1", ItemKind.INDICATOR, new UnitRef(MARKET, "区市场监管局"), "抽检合格率", null);

    private final CommandGateway gateway = mock(CommandGateway.class);
    private EvaluationRounds rounds;
    private RoundEvents events;
    private WaitingSteps waitingSteps;
    /** what the round's ScoringClosed names */
    private List<String> divergent = List.of();
    /** what the round's RoundResultsPublished answers */
    private List<ItemResult> results = List.of();

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(WorkflowClock.startOf(TODAY));
        WorkflowCommands commands = new WorkflowCommands(gateway);
        Weekdays calendar = new Weekdays();
        Adjustments adjustments = new Adjustments(runtimeService(), taskService(), calendar, 5, 3);
        rounds = new EvaluationRounds(runtimeService(), taskService(), commands, calendar, adjustments, 2, 3);
        events = new RoundEvents(runtimeService());
        waitingSteps = new WaitingSteps(taskService(), runtimeService());
        SupervisionCases cases = new SupervisionCases(runtimeService(), taskService(), commands, calendar, 5);
        Mocks.register(EvaluationRoundSteps.BEAN, new EvaluationRoundSteps());
        Mocks.register(RoundTimers.SELF_ASSESSMENT_REMINDER, RoundTimers.selfAssessmentReminder(commands));
        Mocks.register(RoundTimers.SELF_ASSESSMENT_OVERDUE, RoundTimers.selfAssessmentOverdue(commands));
        Mocks.register(RoundTimers.SELF_ASSESSMENT_CLOSING, RoundTimers.selfAssessmentClosing(commands));
        Mocks.register(RoundTimers.SCORING_REMINDER, RoundTimers.scoringReminder(commands));
        Mocks.register(RoundTimers.SCORING_OVERDUE, RoundTimers.scoringOverdue(commands));
        Mocks.register(RoundTimers.SCORING_CLOSING, RoundTimers.scoringClosing(commands));
        Mocks.register(RoundTimers.NOTICES, RoundTimers.evaluationNotices(commands, cases, NoticeGrade.NOTICE));
        AdjustmentSteps adjustmentSteps = new AdjustmentSteps(commands);
        Mocks.register(AdjustmentSteps.BEAN, adjustmentSteps);
        Mocks.register(AdjustmentSteps.REQUEST, new org.camunda.bpm.engine.delegate.JavaDelegate() {
            @Override
            public void execute(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
                commands.send(new RequestTaskAdjustment((String) execution.getVariable(Adjustments.TASK_ID),
                        (String) execution.getVariable("unitId"), (String) execution.getVariable(Adjustments.ADJUSTMENT_ID),
                        AdjustmentKind.valueOf((String) execution.getVariable("adjustmentKind")),
                        (String) execution.getVariable("proposal"), (String) execution.getVariable("reason")),
                        execution.getProcessInstanceId(), execution.getCurrentActivityId());
            }
        });
        Mocks.register(AdjustmentTimers.REMINDER, AdjustmentTimers.class);
        // the round's events reach its process while the command is handled, as the subscribing event bus delivers them
        when(gateway.sendAndWait(argThat(payload(CloseScoring.class)))).thenAnswer(invocation -> {
            events.on(new ScoringClosed(ROUND, "plan-1", divergent));
            return null;
        });
        when(gateway.sendAndWait(argThat(payload(PublishRoundResults.class)))).thenAnswer(invocation -> {
            events.on(new RoundResultsPublished(ROUND, "plan-1", results, List.of(
                    new UnitResult(H1.unit(), new BigDecimal("69.25"), Grade.FAIR, 2, 2),
                    new UnitResult(M1.unit(), new BigDecimal("75.00"), Grade.GOOD, 1, 1)), List.of()));
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    @AfterAll
    static void everyNodeAndFlowIsCovered() {
        System.out.println(COVERAGE.report());
        assertThat(COVERAGE.uncoveredNodes()).isEmpty();
        assertThat(COVERAGE.uncoveredFlows()).isEmpty();
    }

    private static org.mockito.ArgumentMatcher<CommandMessage<?>> payload(Class<?> type) {
        return message -> message != null && type.isInstance(message.getPayload());
    }

    private ProcessInstance open() {
        rounds.open(new OpenEvaluationRound(ROUND, "plan-1", "office-1", RoundKind.MID_TERM, "中医药发展规划中期评估",
                LocalDate.of(2025, 3, 31), RoundScope.wholePlan(), List.of(H1, H2, M1), ScoringScheme.standard(),
                DEADLINES, List.of(new Evaluator(THIRD_PARTY, "钱九", EvaluatorKind.THIRD_PARTY, "某评估公司"),
                new Evaluator(SUPERVISOR, "王五", EvaluatorKind.SUPERVISOR_STAFF, "区政府督查室")), true));
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(ROUND).singleResult();
    }

    private List<Object> sent() {
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway, atLeastOnce()).sendAndWait(sent.capture());
        return sent.getAllValues().stream().map(message -> (Object) message.getPayload()).toList();
    }

    private List<CommandMessage<?>> sentMessages() {
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway, atLeastOnce()).sendAndWait(sent.capture());
        return sent.getAllValues();
    }

    private void selfAssessBoth() {
        rounds.submitSelfAssessment(ROUND, HEALTH, List.of(entry(H1), entry(H2)));
        rounds.submitSelfAssessment(ROUND, MARKET, List.of(entry(M1)));
    }

    private void scoreBoth() {
        for (String evaluator : List.of(THIRD_PARTY, SUPERVISOR)) {
            rounds.score(ROUND, evaluator, score(H1));
            rounds.completeScoring(ROUND, evaluator);
        }
    }

    private static SelfAssessmentEntry entry(RoundItem item) {
        return new SelfAssessmentEntry(item.itemId(), new BigDecimal("90"), "按计划推进", List.of());
    }

    private static ItemScore score(RoundItem item) {
        return new ItemScore(item.itemId(), Map.of("completion", new BigDecimal("80"), "quality", new BigDecimal("80"),
                "timeliness", new BigDecimal("80"), "attainment", new BigDecimal("80")), null, "依据佐证材料");
    }

    private static List<String> candidates(String taskDefinitionKey) {
        List<String> who = new ArrayList<>();
        taskQuery().taskDefinitionKey(taskDefinitionKey).list().forEach(step -> taskService()
                .getIdentityLinksForTask(step.getId()).forEach(link ->
                        who.add(link.getGroupId() != null ? link.getGroupId() : link.getUserId())));
        return who;
    }

    @Test
    void a_round_runs_straight_through_from_self_assessment_to_its_close() {
        ProcessInstance instance = open();
        BpmnAwareTests.assertThat(instance).isWaitingAt(EvaluationRounds.SELF_ASSESS);
        assertThat(candidates(EvaluationRounds.SELF_ASSESS)).containsExactlyInAnyOrder(HEALTH, MARKET);
        assertThat(taskQuery().taskDefinitionKey(EvaluationRounds.SELF_ASSESS).list())
                .allSatisfy(step -> assertThat(step.getDueDate()).isEqualTo(WorkflowClock.startOf(DEADLINES.selfAssessmentDue())));
        assertThat(waitingSteps.ofUnit(HEALTH)).extracting(OpenStep::kind, OpenStep::taskId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StepKind.SELF_ASSESS, ROUND));

        rounds.submitSelfAssessment(ROUND, HEALTH, List.of(entry(H1), entry(H2)));
        BpmnAwareTests.assertThat(instance).isWaitingAt(EvaluationRounds.SELF_ASSESS);
        rounds.submitSelfAssessment(ROUND, MARKET, List.of(entry(M1)));

        // every unit is in: the process closes the phase as the system, and each evaluator's step opens
        BpmnAwareTests.assertThat(instance).hasPassed("closeSelfAssessment").isWaitingAt(EvaluationRounds.SCORE);
        assertThat(candidates(EvaluationRounds.SCORE)).containsExactlyInAnyOrder(THIRD_PARTY, SUPERVISOR);
        assertThat(waitingSteps.ofEvaluator(THIRD_PARTY)).singleElement().satisfies(step -> {
            assertThat(step.kind()).isEqualTo(StepKind.SCORE_ROUND);
            assertThat(step.taskId()).isEqualTo(ROUND);
            assertThat(step.due()).isEqualTo(WorkflowClock.startOf(DEADLINES.scoringDue()).toInstant());
        });
        assertThat(waitingSteps.ofSupervisors()).as("the supervisor scores as an evaluator, not as the office").isEmpty();

        rounds.declareConflict(ROUND, SUPERVISOR, List.of(M1.itemId()), "曾为该单位提供咨询");
        scoreBoth();
        BpmnAwareTests.assertThat(instance).hasPassed("closeScoring").isWaitingAt(EvaluationRounds.CALIBRATE);
        assertThat(candidates(EvaluationRounds.CALIBRATE)).containsExactly("supervisors");

        rounds.calibrate(ROUND, H1.itemId(), new BigDecimal("78"), "佐证不足");
        rounds.finishCalibration(ROUND);
        BpmnAwareTests.assertThat(instance).isWaitingAt(EvaluationRounds.PUBLISH);
        rounds.publish(ROUND, List.of());
        BpmnAwareTests.assertThat(instance).hasPassed("issueNotices").isWaitingAt(EvaluationRounds.FOLLOW_UP);
        rounds.close(ROUND);

        BpmnAwareTests.assertThat(instance).hasPassed("roundClosed").isEnded();
        assertThat(sent()).extracting(Object::getClass).containsExactly(OpenEvaluationRound.class,
                SubmitSelfAssessment.class, SubmitSelfAssessment.class, CloseSelfAssessment.class,
                DeclareConflictOfInterest.class, ScoreRoundItem.class, CompleteScoring.class, ScoreRoundItem.class,
                CompleteScoring.class, CloseScoring.class, CalibrateItemScore.class, FinishCalibration.class,
                PublishRoundResults.class, CloseEvaluationRound.class);
        assertThat(sent()).contains(new CloseSelfAssessment(ROUND, null), new CloseScoring(ROUND, null),
                new CalibrateItemScore(ROUND, H1.itemId(), new BigDecimal("78"), "佐证不足"));
        // each act carries its process instance and step
        assertThat(sentMessages()).filteredOn(m -> m.getPayload() instanceof ScoreRoundItem).allSatisfy(m -> {
            assertThat(m.getMetaData()).containsEntry(MetadataKeys.PROCESS_INSTANCE_ID, instance.getId())
                    .containsKey(MetadataKeys.USER_TASK_ID);
        });
    }

    @Test
    void a_unit_is_reminded_marked_overdue_and_still_submits_late_until_the_phase_closes() {
        ProcessInstance instance = open();
        // reminded two working days before the due Friday, marked overdue when the next working day begins
        BpmnAwareTests.assertThat(job("selfAssessmentReminderDue", instance))
                .hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 4, 16)));
        BpmnAwareTests.assertThat(job("selfAssessmentOverdue", instance))
                .hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 4, 21)));
        BpmnAwareTests.assertThat(job("selfAssessmentDeadline", instance))
                .hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 4, 24)));

        rounds.submitSelfAssessment(ROUND, HEALTH, List.of(entry(H1), entry(H2)));
        execute(job("selfAssessmentReminderDue", instance));
        BpmnAwareTests.assertThat(instance).hasPassed("remindUnits", "unitsReminded").isWaitingAt(EvaluationRounds.SELF_ASSESS);
        execute(job("selfAssessmentOverdue", instance));
        BpmnAwareTests.assertThat(instance).hasPassed("markUnitsOverdue", "unitsMarkedOverdue")
                .isWaitingAt(EvaluationRounds.SELF_ASSESS);

        rounds.submitSelfAssessment(ROUND, MARKET, List.of(entry(M1)));
        BpmnAwareTests.assertThat(instance).isWaitingAt(EvaluationRounds.SCORE);
        assertThat(sent()).containsSubsequence(new RemindSelfAssessment(ROUND, MARKET),
                new MarkSelfAssessmentOverdue(ROUND, MARKET), new SubmitSelfAssessment(ROUND, MARKET, List.of(entry(M1))),
                new CloseSelfAssessment(ROUND, null));
        assertThat(sent()).doesNotContain(new RemindSelfAssessment(ROUND, HEALTH), new MarkSelfAssessmentOverdue(ROUND, HEALTH));
    }

    @Test
    void an_evaluator_is_reminded_and_marked_overdue_and_may_still_hand_in() {
        ProcessInstance instance = open();
        selfAssessBoth();
        BpmnAwareTests.assertThat(job("scoringReminderDue", instance)).hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 4, 28)));
        BpmnAwareTests.assertThat(job("scoringOverdue", instance)).hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 5, 1)));
        BpmnAwareTests.assertThat(job("scoringDeadline", instance)).hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 5, 6)));
        rounds.completeScoring(ROUND, SUPERVISOR);
        execute(job("scoringReminderDue", instance));
        execute(job("scoringOverdue", instance));
        BpmnAwareTests.assertThat(instance).hasPassed("remindEvaluators", "evaluatorsReminded", "markEvaluatorsOverdue",
                "evaluatorsMarkedOverdue").isWaitingAt(EvaluationRounds.SCORE);
        rounds.completeScoring(ROUND, THIRD_PARTY);
        BpmnAwareTests.assertThat(instance).isWaitingAt(EvaluationRounds.CALIBRATE);
        assertThat(sent()).contains(new RemindEvaluator(ROUND, THIRD_PARTY), new MarkScoringOverdue(ROUND, THIRD_PARTY))
                .doesNotContain(new RemindEvaluator(ROUND, SUPERVISOR), new MarkScoringOverdue(ROUND, SUPERVISOR));
    }

    @Test
    void the_timers_close_both_phases_at_their_deadlines_without_those_missing() {
        ProcessInstance instance = open();
        rounds.submitSelfAssessment(ROUND, HEALTH, List.of(entry(H1), entry(H2)));
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2025, 4, 24)));
        execute(job("selfAssessmentDeadline", instance));
        BpmnAwareTests.assertThat(instance).hasPassed("selfAssessmentDeadline", "closeSelfAssessment")
                .isWaitingAt(EvaluationRounds.SCORE);
        assertNotWaiting(() -> rounds.submitSelfAssessment(ROUND, MARKET, List.of(entry(M1))),
                "no self-assessment of your unit of evaluation round round-1 is waiting");

        rounds.completeScoring(ROUND, SUPERVISOR);
        divergent = List.of(M1.itemId());
        execute(job("scoringDeadline", instance));
        BpmnAwareTests.assertThat(instance).hasPassed("scoringDeadline", "closeScoring")
                .isWaitingAt(EvaluationRounds.RECONCILE);
        assertThat(sent()).containsSubsequence(new CloseSelfAssessment(ROUND, null), new CloseScoring(ROUND, null));
    }

    @Test
    void evaluators_who_differ_beyond_the_threshold_are_reconciled_before_calibration() {
        ProcessInstance instance = open();
        selfAssessBoth();
        divergent = List.of(M1.itemId());
        scoreBoth();
        BpmnAwareTests.assertThat(instance).isWaitingAt(EvaluationRounds.RECONCILE);
        assertThat(candidates(EvaluationRounds.RECONCILE)).containsExactly("supervisors");
        rounds.reconcile(ROUND, M1.itemId(), new BigDecimal("75"), "取两方意见折中");
        BpmnAwareTests.assertThat(instance).isWaitingAt(EvaluationRounds.RECONCILE);
        rounds.completeReconciliation(ROUND);
        BpmnAwareTests.assertThat(instance).hasPassed(EvaluationRounds.RECONCILE).isWaitingAt(EvaluationRounds.CALIBRATE);
        assertThat(sent()).containsSubsequence(new ReconcileItemScore(ROUND, M1.itemId(), new BigDecimal("75"), "取两方意见折中"),
                new CompleteReconciliation(ROUND));
    }

    @Test
    void a_supervisor_closes_each_phase_by_hand_with_a_reason() {
        ProcessInstance instance = open();
        rounds.submitSelfAssessment(ROUND, HEALTH, List.of(entry(H1), entry(H2)));
        rounds.closeSelfAssessment(ROUND, "市场监管局已书面说明");
        BpmnAwareTests.assertThat(instance).hasPassed("selfAssessmentClosedByHand").hasNotPassed("closeSelfAssessment")
                .isWaitingAt(EvaluationRounds.SCORE);
        rounds.completeScoring(ROUND, THIRD_PARTY);
        divergent = List.of(H1.itemId());
        rounds.closeScoring(ROUND, "督查室评分人出差");
        BpmnAwareTests.assertThat(instance).hasPassed("scoringClosedByHand").hasNotPassed("closeScoring")
                .isWaitingAt(EvaluationRounds.RECONCILE);
        assertThat(sent()).contains(new CloseSelfAssessment(ROUND, "市场监管局已书面说明"), new CloseScoring(ROUND, "督查室评分人出差"))
                .doesNotContain(new CloseSelfAssessment(ROUND, null));
        assertNotWaiting(() -> rounds.closeSelfAssessment(ROUND, "again"),
                "no self-assessment of evaluation round round-1 is waiting");
    }

    @Test
    void a_low_score_opens_a_supervision_notice_on_publication_and_the_results_feed_an_adjustment() {
        ProcessInstance instance = open();
        selfAssessBoth();
        scoreBoth();
        rounds.finishCalibration(ROUND);
        results = List.of(
                new ItemResult(H1.itemId(), ItemKind.TASK, HEALTH, new BigDecimal("83.50"), Grade.GOOD, null, 2, false, false),
                new ItemResult(H2.itemId(), ItemKind.TASK, HEALTH, new BigDecimal("55.00"), Grade.POOR, null, 2, false, true),
                new ItemResult(M1.itemId(), ItemKind.INDICATOR, MARKET, new BigDecimal("40.00"), Grade.POOR, null, 1, false, false));
        rounds.publish(ROUND, List.of());
        BpmnAwareTests.assertThat(instance).hasPassed("issueNotices").isWaitingAt(EvaluationRounds.FOLLOW_UP);
        LocalDate answerBy = LocalDate.of(2025, 4, 14);
        assertThat(sent()).filteredOn(IssueSupervisionNotice.class::isInstance).containsExactly(
                new IssueSupervisionNotice("evaluation:round-1:task-h2", "plan-1", "office-1", SupervisedItem.task("task-h2"),
                        new UnitRef(HEALTH, "区卫生健康委"), NoticeGrade.NOTICE, CaseTrigger.EVALUATION,
                        "在“中医药发展规划中期评估”中，该项得分55.00分，评定为差，按评估结果运用要求督办整改。", answerBy),
                new IssueSupervisionNotice("evaluation:round-1:ind-m1", "plan-1", "office-1", SupervisedItem.indicator("ind-m1"),
                        new UnitRef(MARKET, "区市场监管局"), NoticeGrade.NOTICE, CaseTrigger.EVALUATION,
                        "在“中医药发展规划中期评估”中，该项得分40.00分，评定为差，按评估结果运用要求督办整改。", answerBy));

        // the supervisor marks h2 for adjustment: it goes into the plan's adjustment process
        String adjustmentId = rounds.proposeAdjustment(ROUND, H2, AdjustmentKind.DUE_DATE, "2027-12-31", "评估发现进度滞后");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(Adjustments.PROCESS_KEY)
                .processInstanceBusinessKey(adjustmentId).singleResult()).isNotNull();
        assertThat(sent()).contains(new RequestTaskAdjustment("task-h2", HEALTH, adjustmentId, AdjustmentKind.DUE_DATE,
                "2027-12-31", "评估发现进度滞后"));
        rounds.close(ROUND);
        BpmnAwareTests.assertThat(instance).isEnded();
    }

    /** Where a round is cancelled: every phase before publication. */
    enum Phase { SELF_ASSESSMENT, SCORING, RECONCILIATION, CALIBRATION, PUBLICATION }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void a_round_cancelled_midway_ends_every_waiting_step_and_timer(Phase phase) {
        ProcessInstance instance = open();
        if (phase != Phase.SELF_ASSESSMENT) {
            selfAssessBoth();
        }
        if (phase.compareTo(Phase.RECONCILIATION) >= 0) {
            divergent = phase == Phase.RECONCILIATION ? List.of(M1.itemId()) : List.of();
            scoreBoth();
        }
        if (phase == Phase.PUBLICATION) {
            rounds.finishCalibration(ROUND);
        }
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isPositive();

        rounds.cancel(ROUND, "规划调整，本轮评估撤销");

        BpmnAwareTests.assertThat(instance).hasPassed("roundCancelled", "roundEndedCancelled").isEnded();
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(sent()).contains(new CancelEvaluationRound(ROUND, "规划调整，本轮评估撤销"));
    }

    @Test
    void a_published_round_refuses_its_cancellation_and_goes_on() {
        ProcessInstance instance = open();
        selfAssessBoth();
        scoreBoth();
        rounds.finishCalibration(ROUND);
        rounds.publish(ROUND, List.of());
        when(gateway.sendAndWait(argThat(payload(CancelEvaluationRound.class))))
                .thenThrow(new CommandRefused("round.published", "the results are published"));
        assertThatThrownBy(() -> rounds.cancel(ROUND, "太迟")).isInstanceOf(CommandRefused.class);
        BpmnAwareTests.assertThat(instance).isWaitingAt(EvaluationRounds.FOLLOW_UP);
    }

    @Test
    void an_evaluator_appointed_during_self_assessment_or_scoring_gets_their_own_step() {
        ProcessInstance instance = open();
        rounds.appointEvaluator(ROUND, new Evaluator("tp-zhao", "赵六", EvaluatorKind.THIRD_PARTY, "某评估公司"));
        selfAssessBoth();
        assertThat(candidates(EvaluationRounds.SCORE)).containsExactlyInAnyOrder(THIRD_PARTY, SUPERVISOR, "tp-zhao");

        rounds.completeScoring(ROUND, THIRD_PARTY);
        rounds.appointEvaluator(ROUND, new Evaluator("tp-sun", "孙七", EvaluatorKind.THIRD_PARTY, "某评估公司"));
        assertThat(candidates(EvaluationRounds.SCORE)).containsExactlyInAnyOrder(SUPERVISOR, "tp-zhao", "tp-sun");
        for (String evaluator : List.of(SUPERVISOR, "tp-zhao")) {
            rounds.completeScoring(ROUND, evaluator);
        }
        BpmnAwareTests.assertThat(instance).isWaitingAt(EvaluationRounds.SCORE);
        rounds.completeScoring(ROUND, "tp-sun");
        BpmnAwareTests.assertThat(instance).isWaitingAt(EvaluationRounds.CALIBRATE);
        assertThat(sent()).filteredOn(AppointEvaluator.class::isInstance).hasSize(2);
    }

    @Test
    void only_the_waiting_step_takes_an_act() {
        open();
        assertNotWaiting(() -> rounds.score(ROUND, THIRD_PARTY, score(H1)),
                "no scoring of tp-qian of evaluation round round-1 is waiting");
        assertNotWaiting(() -> rounds.publish(ROUND, List.of()), "no publication of evaluation round round-1 is waiting");
        assertNotWaiting(() -> rounds.submitSelfAssessment("round-2", HEALTH, List.of(entry(H1))),
                "no self-assessment of your unit of evaluation round round-2 is waiting");
        selfAssessBoth();
        assertNotWaiting(() -> rounds.score(ROUND, "someone-else", score(H1)),
                "no scoring of someone-else of evaluation round round-1 is waiting");
    }

    @Test
    void a_step_completed_outside_duban_is_refused_and_a_refused_act_leaves_its_step_open() {
        ProcessInstance instance = open();
        String step = taskQuery().taskDefinitionKey(EvaluationRounds.SELF_ASSESS).list().get(0).getId();
        assertThatThrownBy(() -> taskService().complete(step)).hasMessageContaining("must be completed in Duban");
        when(gateway.sendAndWait(argThat(payload(SubmitSelfAssessment.class))))
                .thenThrow(new CommandRefused("round.not-your-item", "not yours"));
        assertThatThrownBy(() -> rounds.submitSelfAssessment(ROUND, HEALTH, List.of(entry(H1)))).hasMessage("not yours");
        BpmnAwareTests.assertThat(instance).isWaitingAt(EvaluationRounds.SELF_ASSESS);
        assertThat(taskQuery().taskDefinitionKey(EvaluationRounds.SELF_ASSESS).count()).isEqualTo(2);
    }

    private static void assertNotWaiting(ThrowingCallable step, String message) {
        assertThatThrownBy(step).isInstanceOf(CommandRefused.class).hasMessage(message)
                .extracting(refusal -> ((CommandRefused) refusal).code()).isEqualTo("step.not-waiting");
    }
}
