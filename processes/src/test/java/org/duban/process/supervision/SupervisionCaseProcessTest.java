package org.duban.process.supervision;

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
import org.duban.api.supervision.ApproveCaseExtension;
import org.duban.api.supervision.CloseOutSupervisionCase;
import org.duban.api.supervision.EscalateSupervisionCase;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RefuseCaseExtension;
import org.duban.api.supervision.RejectRectification;
import org.duban.api.supervision.RequestCaseExtension;
import org.duban.api.supervision.SubmitRectificationPlan;
import org.duban.api.supervision.SubmitRectificationResult;
import org.duban.process.WorkflowClock;
import org.duban.process.WorkflowCommands;
import org.duban.process.support.FlowCoverage;
import org.duban.process.support.Weekdays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@Deployment(resources = "bpmn/supervision-case.bpmn")
class SupervisionCaseProcessTest {

    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();
    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final FlowCoverage COVERAGE = new FlowCoverage("bpmn/supervision-case.bpmn", SupervisionCases.PROCESS_KEY);

    /** A Monday; the unit answers by Thursday, and escalation comes on Friday. */
    static final LocalDate TODAY = LocalDate.of(2025, 4, 7);
    static final LocalDate ANSWER_BY = LocalDate.of(2025, 4, 10);
    static final LocalDate DEADLINE = LocalDate.of(2025, 5, 30);

    private final CommandGateway gateway = mock(CommandGateway.class);
    private SupervisionCases cases;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(WorkflowClock.startOf(TODAY));
        // the case answers an escalation with whether the grade rose
        when(gateway.sendAndWait(org.mockito.ArgumentMatchers.<CommandMessage<?>>argThat(message ->
                message != null && message.getPayload() instanceof EscalateSupervisionCase))).thenReturn(true);
        WorkflowCommands commands = new WorkflowCommands(gateway);
        cases = new SupervisionCases(runtimeService(), taskService(), commands, new Weekdays(), 5);
        Mocks.register(SupervisionCaseSteps.BEAN, new SupervisionCaseSteps(commands));
        Mocks.register(CaseTimers.ESCALATION, CaseTimers.caseEscalation(commands, cases));
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

    private ProcessInstance issue(NoticeGrade grade) {
        cases.start("case-1", "unit-health", grade, ANSWER_BY);
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("case-1").singleResult();
    }

    private List<Object> sent() {
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway, atLeastOnce()).sendAndWait(sent.capture());
        return sent.getAllValues().stream().map(message -> (Object) message.getPayload()).toList();
    }

    @Test
    void the_unit_answers_rectifies_and_the_supervisors_close_the_case_out() {
        ProcessInstance instance = issue(NoticeGrade.NOTICE);
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.ANSWER);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("unit-health")
                .hasDueDate(WorkflowClock.startOf(ANSWER_BY));

        cases.submitPlan("case-1", "unit-health", "月底前完成", DEADLINE);
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.CARRY_OUT);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("unit-health").hasDueDate(WorkflowClock.startOf(DEADLINE));
        cases.submitResult("case-1", "unit-health", "已完成", List.of());
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.VERIFY);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("supervisors");
        cases.verify("case-1", true, "整改到位");

        BpmnAwareTests.assertThat(instance).hasPassed("resultSubmitted", "caseClosedOut").isEnded();
        assertThat(sent()).containsExactly(new SubmitRectificationPlan("case-1", "unit-health", "月底前完成", DEADLINE),
                new SubmitRectificationResult("case-1", "unit-health", "已完成", List.of()),
                new CloseOutSupervisionCase("case-1", "整改到位"));
    }

    @Test
    void an_unanswered_notice_escalates_on_each_missed_answer_day_until_listed() {
        ProcessInstance instance = issue(NoticeGrade.REMINDER);
        // due on Thursday the 10th: escalated when Friday begins
        BpmnAwareTests.assertThat(job("answerOverdue", instance)).hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 4, 11)));

        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2025, 4, 11)));
        execute(job("answerOverdue", instance));
        BpmnAwareTests.assertThat(instance).hasPassed("escalateNotice").isWaitingAt(SupervisionCases.ANSWER);
        // five working days from Friday the 11th: Friday the 18th, escalated when Monday the 21st begins
        BpmnAwareTests.assertThat(task(instance)).hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 4, 18)));
        BpmnAwareTests.assertThat(job("answerOverdue", instance)).hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 4, 21)));

        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2025, 4, 21)));
        execute(job("answerOverdue", instance));
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.ANSWER_LISTED);
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).as("listed: nothing left to escalate to").isZero();

        cases.submitPlan("case-1", "unit-health", "立即整改", DEADLINE);
        BpmnAwareTests.assertThat(instance).hasPassed(SupervisionCases.ANSWER_LISTED).isWaitingAt(SupervisionCases.CARRY_OUT);
        assertThat(sent()).containsExactly(
                new EscalateSupervisionCase("case-1", null, LocalDate.of(2025, 4, 18)),
                new EscalateSupervisionCase("case-1", null, LocalDate.of(2025, 4, 28)),
                new SubmitRectificationPlan("case-1", "unit-health", "立即整改", DEADLINE));
    }

    @Test
    void a_notice_escalated_by_hand_to_listed_is_answered_without_another_escalation() {
        ProcessInstance instance = issue(NoticeGrade.NOTICE);
        assertThat(cases.escalate("case-1", "情况严重")).isTrue();
        // the timer still fires on the missed answer day; the case is listed already and stays so
        when(gateway.sendAndWait(org.mockito.ArgumentMatchers.<CommandMessage<?>>argThat(message ->
                message != null && message.getPayload() instanceof EscalateSupervisionCase))).thenReturn(false);
        execute(job("answerOverdue", instance));
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.ANSWER_LISTED);
    }

    @Test
    void a_notice_issued_as_listed_has_no_escalation_timer() {
        ProcessInstance instance = issue(NoticeGrade.LISTED);
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.ANSWER_LISTED);
        assertThat(jobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void a_rejected_result_goes_back_to_the_unit() {
        ProcessInstance instance = issue(NoticeGrade.NOTICE);
        cases.submitPlan("case-1", "unit-health", "月底前完成", DEADLINE);
        cases.submitResult("case-1", "unit-health", "已完成", List.of());
        cases.verify("case-1", false, "缺少佐证");
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.CARRY_OUT);
        cases.submitResult("case-1", "unit-health", "已补充佐证", List.of());
        cases.verify("case-1", true, null);
        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(sent()).contains(new RejectRectification("case-1", "缺少佐证"), new CloseOutSupervisionCase("case-1", null));
    }

    @Test
    void a_missed_deadline_escalates_the_case_and_the_unit_can_still_submit() {
        ProcessInstance instance = issue(NoticeGrade.REMINDER);
        cases.submitPlan("case-1", "unit-health", "月底前完成", DEADLINE);
        BpmnAwareTests.assertThat(job("deadlinePassed", instance)).hasDueDate(WorkflowClock.startOf(DEADLINE.plusDays(1)));
        execute(job("deadlinePassed", instance));
        BpmnAwareTests.assertThat(instance).hasPassed("escalateLate", "lateEscalated").isWaitingAt(SupervisionCases.CARRY_OUT);
        cases.submitResult("case-1", "unit-health", "已完成", List.of());
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.VERIFY);
    }

    @Test
    void an_approved_extension_moves_the_deadline_and_its_timer() {
        ProcessInstance instance = issue(NoticeGrade.NOTICE);
        cases.submitPlan("case-1", "unit-health", "月底前完成", DEADLINE);
        LocalDate until = LocalDate.of(2025, 6, 30);
        String extension = cases.requestExtension("case-1", "unit-health", until, "资金未到位");
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.DECIDE_EXTENSION);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("supervisors");
        assertNotWaiting(() -> cases.submitResult("case-1", "unit-health", "已完成", List.of()),
                "no rectification of supervision case case-1 is waiting");
        assertThatThrownBy(() -> cases.decideExtension("case-1", "another", true, null))
                .isInstanceOf(CommandRefused.class);

        cases.decideExtension("case-1", extension, true, "同意");
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.CARRY_OUT);
        BpmnAwareTests.assertThat(task(instance)).hasDueDate(WorkflowClock.startOf(until));
        BpmnAwareTests.assertThat(job("deadlinePassed", instance)).hasDueDate(WorkflowClock.startOf(until.plusDays(1)));
        assertThat(sent()).contains(new RequestCaseExtension("case-1", "unit-health", extension, until, "资金未到位", TODAY),
                new ApproveCaseExtension("case-1", extension, "同意"));
    }

    @Test
    void a_refused_extension_keeps_the_deadline() {
        ProcessInstance instance = issue(NoticeGrade.NOTICE);
        cases.submitPlan("case-1", "unit-health", "月底前完成", DEADLINE);
        String extension = cases.requestExtension("case-1", "unit-health", LocalDate.of(2025, 6, 30), "资金未到位");
        cases.decideExtension("case-1", extension, false, "理由不充分");
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.CARRY_OUT);
        BpmnAwareTests.assertThat(task(instance)).hasDueDate(WorkflowClock.startOf(DEADLINE));
        assertThat(sent()).contains(new RefuseCaseExtension("case-1", extension, "理由不充分"));
    }

    @Test
    void only_the_named_units_step_is_waiting_for_it() {
        issue(NoticeGrade.NOTICE);
        assertNotWaiting(() -> cases.submitPlan("case-1", "unit-market", "方案", DEADLINE),
                "no answer of supervision case case-1 is waiting");
        assertNotWaiting(() -> cases.submitResult("case-1", "unit-health", "已完成", List.of()),
                "no rectification of supervision case case-1 is waiting");
        assertNotWaiting(() -> cases.verify("case-1", true, null), "no verification of supervision case case-1 is waiting");
    }

    @Test
    void a_unit_step_completed_outside_duban_is_refused() {
        ProcessInstance instance = issue(NoticeGrade.NOTICE);
        assertThatThrownBy(() -> taskService().complete(task(instance).getId())).hasMessageContaining("must be completed in Duban");
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.ANSWER);
    }

    @Test
    void a_refused_close_out_leaves_the_verification_open() {
        ProcessInstance instance = issue(NoticeGrade.NOTICE);
        cases.submitPlan("case-1", "unit-health", "月底前完成", DEADLINE);
        cases.submitResult("case-1", "unit-health", "已完成", List.of());
        when(gateway.sendAndWait(any(CommandMessage.class))).thenThrow(new CommandRefused("office.not-supervisor", "not yours"));
        assertThatThrownBy(() -> cases.verify("case-1", true, null)).hasMessageContaining("not yours");
        BpmnAwareTests.assertThat(instance).isWaitingAt(SupervisionCases.VERIFY);
    }

    private static void assertNotWaiting(ThrowingCallable step, String message) {
        assertThatThrownBy(step).isInstanceOf(CommandRefused.class).hasMessage(message)
                .extracting(refusal -> ((CommandRefused) refusal).code()).isEqualTo("step.not-waiting");
    }
}
