package org.duban.process.adjustment;

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
import org.duban.api.indicator.ApproveIndicatorAdjustment;
import org.duban.api.indicator.RejectIndicatorAdjustment;
import org.duban.api.indicator.RequestIndicatorAdjustment;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.ApproveTaskAdjustment;
import org.duban.api.task.RejectTaskAdjustment;
import org.duban.api.task.RequestTaskAdjustment;
import org.duban.process.WorkflowClock;
import org.duban.process.WorkflowCommands;
import org.duban.process.steps.OpenStep;
import org.duban.process.steps.StepKind;
import org.duban.process.steps.WaitingSteps;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The paths of {@code adjustment.bpmn}: asked, decided by the supervisors (reminded when slow), approved or refused. */
@Deployment(resources = "bpmn/adjustment.bpmn")
class AdjustmentProcessTest {

    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();
    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final FlowCoverage COVERAGE = new FlowCoverage("bpmn/adjustment.bpmn", Adjustments.PROCESS_KEY);

    /** A Tuesday: decided within 5 working days means by the next Tuesday, reminded after 3 on Friday. */
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 3);

    private final CommandGateway gateway = mock(CommandGateway.class);
    private Adjustments adjustments;
    private WaitingSteps waiting;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        ClockUtil.setCurrentTime(WorkflowClock.startOf(TODAY));
        WorkflowCommands commands = new WorkflowCommands(gateway);
        AdjustmentSteps steps = new AdjustmentSteps(commands);
        Mocks.register(AdjustmentSteps.BEAN, steps);
        Mocks.register(AdjustmentSteps.REQUEST, AdjustmentTimers.adjustmentRequest(steps));
        Mocks.register(AdjustmentTimers.REMINDER, AdjustmentTimers.adjustmentReminder());
        adjustments = new Adjustments(runtimeService(), taskService(), new Weekdays(), 5, 3);
        waiting = new WaitingSteps(taskService(), runtimeService());
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

    private static ProcessInstance instance(String adjustmentId) {
        return runtimeService().createProcessInstanceQuery().processInstanceBusinessKey(adjustmentId).singleResult();
    }

    private List<CommandMessage<?>> messages() {
        ArgumentCaptor<CommandMessage<?>> sent = ArgumentCaptor.forClass(CommandMessage.class);
        verify(gateway, atLeastOnce()).sendAndWait(sent.capture());
        return sent.getAllValues();
    }

    private List<Object> sent() {
        return messages().stream().map(message -> (Object) message.getPayload()).toList();
    }

    @Test
    void a_task_adjustment_is_recorded_then_decided_by_the_supervisors_and_the_approval_sent_to_the_task() {
        String id = adjustments.askForTaskAdjustment("t-1", "p-1", "unit-health", AdjustmentKind.DUE_DATE,
                "2026-06-30", "用地审批延后");
        ProcessInstance instance = instance(id);
        BpmnAwareTests.assertThat(instance).hasPassed("recordRequest").isWaitingAt(Adjustments.DECIDE);
        BpmnAwareTests.assertThat(task(instance)).hasCandidateGroup("supervisors")
                .hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 6, 10)));
        assertThat(adjustments.waiting(id)).get().extracting(Adjustments.Waiting::taskId, Adjustments.Waiting::planId)
                .containsExactly("t-1", "p-1");
        // process variables keep ids only: what was asked lives in the task's events
        assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKeys("proposal", "reason", "unitId");

        adjustments.decide(id, true, "同意延期", null);

        BpmnAwareTests.assertThat(instance).hasPassed("adjustmentApproved").isEnded();
        assertThat(sent()).containsExactly(
                new RequestTaskAdjustment("t-1", "unit-health", id, AdjustmentKind.DUE_DATE, "2026-06-30", "用地审批延后"),
                new ApproveTaskAdjustment("t-1", id, "同意延期"));
        assertThat(messages().get(1).getMetaData()).containsEntry(MetadataKeys.PROCESS_INSTANCE_ID, instance.getId());
    }

    @Test
    void a_refused_task_adjustment_sends_the_refusal() {
        String id = adjustments.askForTaskAdjustment("t-1", "p-1", "unit-health", AdjustmentKind.TEXT, "新表述", "理由");
        ProcessInstance instance = instance(id);
        adjustments.decide(id, false, "理由不充分", null);
        BpmnAwareTests.assertThat(instance).hasPassed("adjustmentRefused").isEnded();
        assertThat(sent()).endsWith(new RejectTaskAdjustment("t-1", id, "理由不充分"));
    }

    @Test
    void an_indicator_adjustment_is_approved_with_the_approving_document_or_refused() {
        String approved = adjustments.askForTargetAdjustment("i-1", "p-1", "unit-health", "≥2100", "受疫情影响");
        adjustments.decide(approved, true, "同意", "渝府函〔2026〕12号");
        String refused = adjustments.askForTargetAdjustment("i-1", "p-1", "unit-health", "≥2000", "再降");
        adjustments.decide(refused, false, "不同意", null);
        assertThat(sent()).containsExactly(
                new RequestIndicatorAdjustment("i-1", "unit-health", approved, "≥2100", "受疫情影响"),
                new ApproveIndicatorAdjustment("i-1", approved, "同意", "渝府函〔2026〕12号"),
                new RequestIndicatorAdjustment("i-1", "unit-health", refused, "≥2000", "再降"),
                new RejectIndicatorAdjustment("i-1", refused, "不同意"));
    }

    @Test
    void a_decision_not_taken_by_the_reminder_day_is_raised_and_still_waits() {
        String id = adjustments.askForTaskAdjustment("t-1", "p-1", "unit-health", AdjustmentKind.TEXT, "新表述", "理由");
        ProcessInstance instance = instance(id);
        assertThat(job("reminderDue", instance).getDuedate()).isEqualTo(WorkflowClock.startOf(LocalDate.of(2025, 6, 6)));
        execute(job("reminderDue", instance));
        BpmnAwareTests.assertThat(instance).hasPassed("supervisorsReminded").isWaitingAt(Adjustments.DECIDE);
        assertThat(task(instance).getPriority()).isEqualTo(AdjustmentTimers.REMINDED_PRIORITY);
        adjustments.decide(id, true, null, null);
        BpmnAwareTests.assertThat(instance).hasPassed("adjustmentApproved").isEnded();
    }

    @Test
    void a_request_the_task_refuses_starts_nothing() {
        when(gateway.sendAndWait(any())).thenThrow(new CommandRefused("task.adjustment-pending", "waits already"));
        assertThatThrownBy(() -> adjustments.askForTaskAdjustment("t-1", "p-1", "unit-health", AdjustmentKind.TEXT,
                "新表述", "理由")).isInstanceOf(CommandRefused.class).hasMessage("waits already");
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(Adjustments.PROCESS_KEY).count())
                .isZero();
    }

    @Test
    void a_decision_on_an_adjustment_not_waiting_is_refused_and_a_completion_without_a_decision_too() {
        assertThatThrownBy(() -> adjustments.decide("a-9", true, null, null)).isInstanceOf(CommandRefused.class)
                .extracting(refusal -> ((CommandRefused) refusal).code()).isEqualTo("step.not-waiting");
        String id = adjustments.askForTaskAdjustment("t-1", "p-1", "unit-health", AdjustmentKind.TEXT, "新表述", "理由");
        assertThatThrownBy(() -> taskService().complete(task(instance(id)).getId()))
                .hasMessageContaining("says whether it is approved");
        BpmnAwareTests.assertThat(instance(id)).isWaitingAt(Adjustments.DECIDE);
    }

    @Test
    void the_supervisors_inbox_shows_a_task_adjustment_on_its_task_and_the_plan_lists_both_kinds() {
        String onTask = adjustments.askForTaskAdjustment("t-1", "p-1", "unit-health", AdjustmentKind.TEXT, "新表述", "理由");
        String onIndicator = adjustments.askForTargetAdjustment("i-1", "p-1", "unit-health", "≥2100", "理由");
        assertThat(waiting.ofSupervisors()).extracting(OpenStep::kind, OpenStep::taskId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(StepKind.DECIDE_DYNAMIC_ADJUSTMENT, "t-1"));
        assertThat(adjustments.waitingInPlan("p-1")).extracting(Adjustments.Waiting::adjustmentId)
                .containsExactly(onTask, onIndicator);
        assertThat(adjustments.waitingInPlan("p-2")).isEmpty();
    }
}
