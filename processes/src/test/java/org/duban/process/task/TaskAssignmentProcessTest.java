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
import org.duban.api.task.ApproveTaskAdjustment;
import org.duban.api.task.RejectTaskAdjustment;
import org.duban.api.task.RequestTaskAdjustment;
import org.duban.process.WorkflowClock;
import org.duban.process.WorkflowCommands;
import org.duban.process.support.FlowCoverage;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
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

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        // an approval answers the task's lead unit, unchanged unless the test says otherwise
        when(gateway.sendAndWait(org.mockito.ArgumentMatchers.<CommandMessage<?>>argThat(message ->
                message != null && message.getPayload() instanceof ApproveTaskAdjustment))).thenReturn("unit-health");
        Mocks.register(TaskAssignmentSteps.BEAN, new TaskAssignmentSteps(new WorkflowCommands(gateway)));
        assignment = new TaskAssignment(runtimeService(), taskService());
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

        assignment.acknowledge(assignment.open("t-1", TaskAssignment.ACKNOWLEDGE).orElseThrow(), "unit-health");

        BpmnAwareTests.assertThat(instance).hasPassed("taskAcknowledged").isEnded();
        assertThat(sent()).containsExactly(new AcknowledgeTask("t-1", "unit-health"));
    }

    @Test
    void each_co_unit_is_told_of_its_part_while_the_lead_acknowledges_and_the_assignment_ends_when_all_are_done() {
        assignment.start("t-1", "unit-health", List.of("unit-market", "unit-finance"), LocalDate.of(2025, 3, 7));
        ProcessInstance instance = runtimeService().createProcessInstanceQuery().processInstanceBusinessKey("t-1").singleResult();
        BpmnAwareTests.assertThat(instance).isWaitingAt(TaskAssignment.ACKNOWLEDGE, TaskAssignment.CONFIRM_PART);
        assertThat(assignment.openConfirmation("t-1", "unit-health")).isEmpty();

        assignment.confirmPart(assignment.openConfirmation("t-1", "unit-market").orElseThrow());
        assertThat(assignment.openConfirmation("t-1", "unit-market")).isEmpty();
        assignment.acknowledge(assignment.open("t-1", TaskAssignment.ACKNOWLEDGE).orElseThrow(), "unit-health");
        BpmnAwareTests.assertThat(instance).hasPassed("taskAcknowledged").isWaitingAt(TaskAssignment.CONFIRM_PART);

        assignment.confirmPart(assignment.openConfirmation("t-1", "unit-finance").orElseThrow());
        BpmnAwareTests.assertThat(instance).hasPassed("coUnitsTold").isEnded();
        assertThat(sent()).containsExactly(new ConfirmCoUnitPart("t-1", "unit-market"),
                new AcknowledgeTask("t-1", "unit-health"), new ConfirmCoUnitPart("t-1", "unit-finance"));
    }

    @Test
    void an_adjustment_goes_to_the_supervisors_and_back_to_the_unit_whether_approved_or_rejected() {
        ProcessInstance instance = assign();
        String first = assignment.requestAdjustment(task(instance), "unit-health", AdjustmentKind.DUE_DATE, "2026-06-30", "用地延后");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TaskAssignment.DECIDE);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("supervisors");

        assignment.decide(task(instance), false, "不符合要求");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TaskAssignment.ACKNOWLEDGE);
        String second = assignment.requestAdjustment(task(instance), "unit-health", AdjustmentKind.TEXT, "新表述", "表述有误");
        assignment.decide(task(instance), true, null);
        assignment.acknowledge(task(instance), "unit-health");

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
        assignment.requestAdjustment(task(instance), "unit-health", AdjustmentKind.UNITS, "牵头单位：区市场监管局", "职责调整");
        // the task answers the approval with its lead unit after it
        when(gateway.sendAndWait(org.mockito.ArgumentMatchers.<CommandMessage<?>>argThat(message ->
                message != null && message.getPayload() instanceof ApproveTaskAdjustment))).thenReturn("unit-market");
        assignment.decide(task(instance), true, "同意");
        BpmnAwareTests.assertThat(instance).isWaitingAt(TaskAssignment.ACKNOWLEDGE);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("unit-market");
        assertThat(assignment.open("t-1", TaskAssignment.ACKNOWLEDGE).orElseThrow().getId()).isEqualTo(task(instance).getId());
    }

    @Test
    void a_refused_acknowledgement_leaves_the_step_open() {
        ProcessInstance instance = assign();
        when(gateway.sendAndWait(any(CommandMessage.class))).thenThrow(new CommandRefused("task.not-lead-unit", "not the lead"));

        assertThatThrownBy(() -> assignment.acknowledge(task(instance), "unit-market")).hasMessageContaining("not the lead");

        BpmnAwareTests.assertThat(instance).isWaitingAt(TaskAssignment.ACKNOWLEDGE);
    }
}
