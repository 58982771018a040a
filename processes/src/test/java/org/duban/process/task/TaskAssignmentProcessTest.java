package org.duban.process.task;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.api.CommandRefused;
import org.duban.api.task.AcknowledgeTask;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.ConfirmCoUnitPart;
import org.duban.api.task.ExpireCoUnitConfirmations;
import org.duban.api.task.ApproveTaskAdjustment;
import org.duban.api.task.RejectTaskAdjustment;
import org.duban.api.task.RequestTaskAdjustment;
import org.duban.process.WorkflowClock;
import org.duban.process.WorkflowCommands;
import org.duban.process.steps.StepKind;
import org.duban.process.steps.WaitingStep;
import org.duban.process.steps.WaitingSteps;
import org.duban.process.support.FlowCoverage;
import org.duban.process.support.Weekdays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@Deployment(resources = "bpmn/task-assignment.bpmn")
class TaskAssignmentProcessTest {

    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();
    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final FlowCoverage COVERAGE = new FlowCoverage("bpmn/task-assignment.bpmn", TaskAssignment.PROCESS_KEY);

    private final CommandGateway gateway = mock(CommandGateway.class);
    private TaskAssignment assignment;
    private WaitingSteps waiting;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        // an approval answers the task's lead unit, unchanged unless the test says otherwise
        when(gateway.sendAndWait(org.mockito.ArgumentMatchers.<CommandMessage<?>>argThat(message ->
                message != null && message.getPayload() instanceof ApproveTaskAdjustment))).thenReturn("unit-health");
        WorkflowCommands commands = new WorkflowCommands(gateway);
        Mocks.register(TaskAssignmentSteps.BEAN, new TaskAssignmentSteps(commands));
        Mocks.register(TaskTimers.CONFIRMATIONS_EXPIRY, TaskTimers.confirmationsExpiry(commands));
        assignment = new TaskAssignment(runtimeService(), taskService(), new Weekdays());
        waiting = new WaitingSteps(taskService(), runtimeService());
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
    }

    @AfterAll
    static void everyNodeAndFlowIsCovered() {
        System.out.println(COVERAGE.report());
        assertThat(COVERAGE.uncoveredNodes()).isEmpty();
        assertThat(COVERAGE.uncoveredFlows()).isEmpty();
    }

    private ProcessInstance assign() {
        assignment.start("t-1", "unit-health", List.of(), LocalDate.of(2025, 3, 7));
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("t-1").singleResult();
    }

    private List<Object> sent() {
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway, atLeastOnce()).sendAndWait(sent.capture());
        return sent.getAllValues().stream().map(message -> (Object) message.getPayload()).toList();
    }

    @Test
    void the_lead_unit_is_asked_to_acknowledge_by_the_due_day_and_acknowledging_ends_the_assignment() {
        ProcessInstance instance = assign();
        BpmnAwareTests.assertThat(instance).isWaitingAt(TaskAssignment.ACKNOWLEDGE);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("unit-health")
                .hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 3, 7)));

        assertThat(waiting.onTask("t-1")).containsExactly(new WaitingStep(StepKind.ACKNOWLEDGE, null, "unit-health", null));
        assignment.acknowledge("t-1", "unit-health");

        BpmnAwareTests.assertThat(instance).hasPassed("taskAcknowledged").isEnded();
        assertThat(waiting.onTask("t-1")).isEmpty();
        assertThat(sent()).containsExactly(new AcknowledgeTask("t-1", "unit-health"));
    }

    @Test
    void each_co_unit_is_told_of_its_part_while_the_lead_acknowledges_and_the_assignment_ends_when_all_are_done() {
        assignment.start("t-1", "unit-health", List.of("unit-market", "unit-finance"), LocalDate.of(2025, 3, 7));
        ProcessInstance instance = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("t-1").singleResult();
        BpmnAwareTests.assertThat(instance).isWaitingAt(TaskAssignment.ACKNOWLEDGE, TaskAssignment.CONFIRM_PART);
        assertThat(waiting.onTask("t-1")).containsExactlyInAnyOrder(
                new WaitingStep(StepKind.ACKNOWLEDGE, null, "unit-health", null),
                new WaitingStep(StepKind.CONFIRM_PART, null, "unit-market", null),
                new WaitingStep(StepKind.CONFIRM_PART, null, "unit-finance", null));
        assertNotWaiting(() -> assignment.confirmPart("t-1", "unit-health"),
                "no confirmation of your unit's part of task t-1 is waiting");

        assignment.confirmPart("t-1", "unit-market");
        assertNotWaiting(() -> assignment.confirmPart("t-1", "unit-market"),
                "no confirmation of your unit's part of task t-1 is waiting");
        assignment.acknowledge("t-1", "unit-health");
        BpmnAwareTests.assertThat(instance).hasPassed("taskAcknowledged").isWaitingAt(TaskAssignment.CONFIRM_PART);
        assertThat(waiting.onTask("t-1")).containsExactly(new WaitingStep(StepKind.CONFIRM_PART, null, "unit-finance", null));

        assignment.confirmPart("t-1", "unit-finance");
        BpmnAwareTests.assertThat(instance).hasPassed("coUnitsTold").isEnded();
        assertThat(sent()).containsExactly(new ConfirmCoUnitPart("t-1", "unit-market"),
                new AcknowledgeTask("t-1", "unit-health"), new ConfirmCoUnitPart("t-1", "unit-finance"));
    }

    @Test
    void confirmations_are_due_with_the_acknowledgement_and_expire_on_the_next_working_day_leaving_no_step_open() {
        // 2025-03-07 is a Friday: the co-units have all of it, and the confirmations expire on Monday
        assignment.start("t-1", "unit-health", List.of("unit-market", "unit-finance"), LocalDate.of(2025, 3, 7));
        ProcessInstance instance = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("t-1").singleResult();
        assertThat(taskQuery().taskDefinitionKey(TaskAssignment.CONFIRM_PART).list()).hasSize(2)
                .allSatisfy(step -> assertThat(step.getDueDate()).isEqualTo(WorkflowClock.startOf(LocalDate.of(2025, 3, 7))));
        BpmnAwareTests.assertThat(job("confirmationsDue", instance))
                .hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 3, 10)));
        assignment.confirmPart("t-1", "unit-market");
        assignment.acknowledge("t-1", "unit-health");

        execute(job("confirmationsDue", instance));

        BpmnAwareTests.assertThat(instance).hasPassed("expireConfirmations", "confirmationsExpired")
                .hasNotPassed("coUnitsTold").isEnded();
        assertThat(waiting.onTask("t-1")).isEmpty();
        assertThat(waiting.ofUnit("unit-finance")).isEmpty();
        assertNotWaiting(() -> assignment.confirmPart("t-1", "unit-finance"),
                "no confirmation of your unit's part of task t-1 is waiting");
        // the task decides whose confirmation expires: unit-finance's, not unit-market's
        assertThat(sent()).containsExactly(new ConfirmCoUnitPart("t-1", "unit-market"),
                new AcknowledgeTask("t-1", "unit-health"), new ExpireCoUnitConfirmations("t-1"));
    }

    @Test
    void a_task_without_co_units_has_no_confirmation_timer() {
        ProcessInstance instance = assign();
        assertThat(BpmnAwareTests.jobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void an_adjustment_goes_to_the_supervisors_and_back_to_the_unit_whether_approved_or_rejected() {
        ProcessInstance instance = assign();
        String first = assignment.requestAdjustment("t-1", "unit-health", AdjustmentKind.DUE_DATE, "2026-06-30", "用地延后");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TaskAssignment.DECIDE);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("supervisors");
        assertThat(waiting.onTask("t-1")).containsExactly(new WaitingStep(StepKind.DECIDE_ADJUSTMENT, null, null, first));
        assertNotWaiting(() -> assignment.acknowledge("t-1", "unit-health"), "no acknowledgement of task t-1 is waiting");

        assertThat(assignment.decide("t-1", "another-adjustment", true, null)).as("about another adjustment").isFalse();
        BpmnAwareTests.assertThat(instance).isWaitingAt(TaskAssignment.DECIDE);
        assertThat(assignment.decide("t-1", first, false, "不符合要求")).isTrue();
        BpmnAwareTests.assertThat(instance).isWaitingAt(TaskAssignment.ACKNOWLEDGE);
        assertNotWaiting(() -> assignment.decide("t-1", first, true, null), "no adjustment decision of task t-1 is waiting");
        String second = assignment.requestAdjustment("t-1", "unit-health", AdjustmentKind.TEXT, "新表述", "表述有误");
        assignment.decide("t-1", second, true, null);
        assignment.acknowledge("t-1", "unit-health");

        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(sent()).containsExactly(
                new RequestTaskAdjustment("t-1", "unit-health", first, AdjustmentKind.DUE_DATE, "2026-06-30", "用地延后"),
                new RejectTaskAdjustment("t-1", first, "不符合要求"),
                new RequestTaskAdjustment("t-1", "unit-health", second, AdjustmentKind.TEXT, "新表述", "表述有误"),
                new ApproveTaskAdjustment("t-1", second, null),
                new AcknowledgeTask("t-1", "unit-health"));
    }

    @Test
    void an_approved_change_of_units_sends_the_acknowledgement_to_the_new_lead_unit() {
        ProcessInstance instance = assign();
        String adjustment = assignment.requestAdjustment("t-1", "unit-health", AdjustmentKind.UNITS, "牵头单位：区市场监管局", "职责调整");
        // the task answers the approval with its lead unit after it
        when(gateway.sendAndWait(org.mockito.ArgumentMatchers.<CommandMessage<?>>argThat(message ->
                message != null && message.getPayload() instanceof ApproveTaskAdjustment))).thenReturn("unit-market");
        assignment.decide("t-1", adjustment, true, "同意");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TaskAssignment.ACKNOWLEDGE);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("unit-market");
        assertThat(waiting.onTask("t-1")).containsExactly(new WaitingStep(StepKind.ACKNOWLEDGE, null, "unit-market", null));
    }

    @Test
    void a_refused_acknowledgement_leaves_the_step_open() {
        ProcessInstance instance = assign();
        when(gateway.sendAndWait(any(CommandMessage.class))).thenThrow(new CommandRefused("task.not-lead-unit", "not the lead"));

        assertThatThrownBy(() -> assignment.acknowledge("t-1", "unit-market")).hasMessageContaining("not the lead");

        BpmnAwareTests.assertThat(instance).isWaitingAt(TaskAssignment.ACKNOWLEDGE);
    }

    private static void assertNotWaiting(ThrowingCallable step, String message) {
        assertThatThrownBy(step).isInstanceOf(CommandRefused.class).hasMessage(message)
                .extracting(refusal -> ((CommandRefused) refusal).code()).isEqualTo("step.not-waiting");
    }
}
