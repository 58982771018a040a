package org.duban.process.reporting;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.reporting.AcceptReport;
import org.duban.api.reporting.CloseContributions;
import org.duban.api.reporting.DraftReport;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.MarkReportOverdue;
import org.duban.api.reporting.OpenReportingPeriod;
import org.duban.api.reporting.RemindReport;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.ReturnReport;
import org.duban.api.reporting.SubmitContribution;
import org.duban.api.reporting.SubmitReport;
import org.duban.process.WorkflowClock;
import org.duban.process.WorkflowCommands;
import org.duban.process.steps.OpenStep;
import org.duban.process.steps.StepKind;
import org.duban.process.steps.WaitingStep;
import org.duban.process.steps.WaitingSteps;
import org.duban.process.support.FlowCoverage;
import org.duban.process.support.WaitingStepsLedger;
import org.duban.process.support.Weekdays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

@Deployment(resources = "bpmn/progress-report.bpmn")
class ProgressReportProcessTest {
    private static final ReportingPeriod Q1 = new ReportingPeriod("2025-Q1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
    private static final ReportContent CONTENT = new ReportContent("完成设计方案。", CompletionStatus.IN_PROGRESS, 40,
            List.of(), null, null, List.of());

    @RegisterExtension
    @org.junit.jupiter.api.Order(1)
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();
    @RegisterExtension
    @org.junit.jupiter.api.Order(2)
    static final FlowCoverage COVERAGE = new FlowCoverage("bpmn/progress-report.bpmn", ProgressReporting.PROCESS_KEY);

    private final CommandGateway gateway = mock(CommandGateway.class);
    private ProgressReporting reporting;
    private WaitingSteps waiting;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        WorkflowCommands commands = new WorkflowCommands(gateway);
        Mocks.register(ReportingSteps.BEAN, new ReportingSteps(commands));
        Mocks.register(ReportTimers.REMINDER, ReportTimers.reportReminder(commands));
        Mocks.register(ReportTimers.OVERDUE, ReportTimers.reportOverdue(commands));
        Mocks.register(ReportTimers.CONTRIBUTIONS_CLOSING, ReportTimers.contributionsClosing(commands));
        reporting = new ProgressReporting(runtimeService(), taskService(), commands, new Weekdays(), 3);
        waiting = new WaitingSteps(taskService(), runtimeService());
        // the task answers whether it opened the period's report
        when(gateway.sendAndWait(argThat((Object m) -> m instanceof CommandMessage<?> c
                && c.getPayload() instanceof OpenReportingPeriod))).thenReturn(true);
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2025, 4, 1)));
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

    private ProcessInstance open(List<String> coUnits) {
        LocalDate due = reporting.dueOn(Q1, 5);
        assertThat(reporting.startReport("t-1", Q1, "unit-health", coUnits, due, reporting.overdueOn(due, 2))).isTrue();
        return runtimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(ProgressReporting.businessKey("t-1", "2025-Q1")).singleResult();
    }

    private List<Object> sent() {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway, atLeastOnce()).sendAndWait(sent.capture());
        return sent.getAllValues().stream().map(m -> m instanceof CommandMessage<?> c ? c.getPayload() : m).toList();
    }

    private List<CommandMessage<?>> messages() {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway, atLeastOnce()).sendAndWait(sent.capture());
        return sent.getAllValues().stream().<CommandMessage<?>>map(m -> (CommandMessage<?>) m).toList();
    }

    private static void assertNotWaiting(ThrowingCallable step, String message) {
        assertThatThrownBy(step).isInstanceOf(CommandRefused.class).hasMessage(message)
                .extracting(refusal -> ((CommandRefused) refusal).code()).isEqualTo("step.not-waiting");
    }

    @Test
    void due_dates_count_working_days() {
        // the 5th of the month after the quarter; 2025-04-05 and 2025-07-05 are Saturdays
        assertThat(reporting.dueOn(Q1, 5)).isEqualTo(LocalDate.of(2025, 4, 7));
        assertThat(reporting.dueOn(new ReportingPeriod("2025-Q2", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30)), 5))
                .isEqualTo(LocalDate.of(2025, 7, 7));
        assertThat(reporting.overdueOn(LocalDate.of(2025, 4, 7), 2)).isEqualTo(LocalDate.of(2025, 4, 10));
    }

    @Test
    void a_task_with_nothing_to_open_starts_no_process() {
        when(gateway.sendAndWait(argThat((Object m) -> m instanceof CommandMessage<?> c
                && c.getPayload() instanceof OpenReportingPeriod))).thenReturn(false);
        LocalDate due = reporting.dueOn(Q1, 5);

        assertThat(reporting.startReport("t-1", Q1, "unit-health", List.of(), due, reporting.overdueOn(due, 2))).isFalse();
        assertThat(runtimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(ProgressReporting.businessKey("t-1", "2025-Q1")).count()).isZero();
    }

    @Test
    void co_units_contribute_the_lead_reports_a_return_sends_it_back_and_acceptance_ends_the_period() {
        ProcessInstance instance = open(List.of("unit-finance", "unit-market"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("contribute", ProgressReporting.WRITE, "reminderDue");
        assertThat(taskQuery().taskDefinitionKey("contribute").list()).hasSize(2);

        assertThat(waiting.onTask("t-1")).containsExactlyInAnyOrder(
                new WaitingStep(StepKind.CONTRIBUTE, "2025-Q1", "unit-finance", null),
                new WaitingStep(StepKind.CONTRIBUTE, "2025-Q1", "unit-market", null),
                new WaitingStep(StepKind.WRITE_REPORT, "2025-Q1", "unit-health", null));
        assertNotWaiting(() -> reporting.contribute("t-1", "2025-Q1", "unit-health", "牵头单位不报配合情况", List.of()),
                "no contribution of your unit for 2025-Q1 of task t-1 is waiting");

        reporting.contribute("t-1", "2025-Q1", "unit-finance", "资金已拨付", List.of());
        reporting.contribute("t-1", "2025-Q1", "unit-market", "已配合检查", List.of());
        assertNotWaiting(() -> reporting.review("t-1", "2025-Q1", true, null), "no review of 2025-Q1 of task t-1 is waiting");
        reporting.submit("t-1", "2025-Q1", "unit-health", CONTENT);
        BpmnAwareTests.assertThat(instance).isWaitingAt(ProgressReporting.REVIEW);
        BpmnAwareTests.assertThat(task(ProgressReporting.REVIEW, instance)).hasCandidateGroup("supervisors");
        assertThat(waiting.onTask("t-1")).containsExactly(new WaitingStep(StepKind.REVIEW_REPORT, "2025-Q1", null, null));
        assertNotWaiting(() -> reporting.submit("t-1", "2025-Q1", "unit-health", CONTENT),
                "no report for 2025-Q1 of task t-1 is waiting");
        assertNotWaiting(() -> reporting.draft("t-1", "2025-Q1", "unit-health", CONTENT),
                "no report for 2025-Q1 of task t-1 is waiting");

        reporting.review("t-1", "2025-Q1", false, "缺少佐证材料");
        BpmnAwareTests.assertThat(instance).isWaitingAt(ProgressReporting.WRITE);
        reporting.draft("t-1", "2025-Q1", "unit-health", CONTENT);
        BpmnAwareTests.assertThat(instance).isWaitingAt(ProgressReporting.WRITE);
        reporting.submit("t-1", "2025-Q1", "unit-health", CONTENT);
        reporting.review("t-1", "2025-Q1", true, null);

        BpmnAwareTests.assertThat(instance).hasPassed("contributionsDone", "reportAccepted").isEnded();
        assertThat(sent()).containsExactly(
                new OpenReportingPeriod("t-1", Q1, LocalDate.of(2025, 4, 7), LocalDate.of(2025, 4, 10)),
                new SubmitContribution("t-1", "2025-Q1", "unit-finance", "资金已拨付", List.of()),
                new SubmitContribution("t-1", "2025-Q1", "unit-market", "已配合检查", List.of()),
                new SubmitReport("t-1", "2025-Q1", "unit-health", CONTENT),
                new ReturnReport("t-1", "2025-Q1", "缺少佐证材料"),
                new DraftReport("t-1", "2025-Q1", "unit-health", CONTENT),
                new SubmitReport("t-1", "2025-Q1", "unit-health", CONTENT),
                new AcceptReport("t-1", "2025-Q1", null));
        assertThat(waiting.onTask("t-1")).isEmpty();
    }

    @Test
    void accepting_the_report_ends_the_contributions_not_given_and_leaves_none_in_the_co_units_inbox() {
        ProcessInstance instance = open(List.of("unit-finance", "unit-market"));
        reporting.contribute("t-1", "2025-Q1", "unit-finance", "资金已拨付", List.of());
        reporting.submit("t-1", "2025-Q1", "unit-health", CONTENT);
        assertThat(waiting.ofUnit("unit-market")).extracting(OpenStep::kind).containsExactly(StepKind.CONTRIBUTE);

        reporting.review("t-1", "2025-Q1", true, "同意");

        BpmnAwareTests.assertThat(instance).hasPassed("reportAccepted").hasNotPassed("contributionsDone").isEnded();
        assertThat(waiting.ofUnit("unit-market")).isEmpty();
        assertThat(waiting.onTask("t-1")).isEmpty();
        // the acceptance is one command: the task closes the contributions not given with it (TaskCoUnitStepsTest)
        assertThat(sent()).endsWith(new AcceptReport("t-1", "2025-Q1", "同意"))
                .noneMatch(command -> command instanceof CloseContributions);
    }

    @Test
    void the_period_closes_for_the_co_units_when_the_report_becomes_overdue() {
        ProcessInstance instance = open(List.of("unit-finance", "unit-market"));
        reporting.contribute("t-1", "2025-Q1", "unit-finance", "资金已拨付", List.of());
        // due 2025-04-07, two working days' grace: overdue, and closed to the co-units, from 2025-04-10
        BpmnAwareTests.assertThat(job("periodClosed", instance))
                .hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 4, 10)));

        execute(job("periodClosed", instance));

        BpmnAwareTests.assertThat(instance).hasPassed("closeContributions", "contributionsClosed")
                .hasNotPassed("contributionsDone").isWaitingAt(ProgressReporting.WRITE, "reminderDue");
        assertThat(waiting.ofUnit("unit-market")).isEmpty();
        assertThat(waiting.onTask("t-1")).containsExactly(new WaitingStep(StepKind.WRITE_REPORT, "2025-Q1", "unit-health", null));
        assertNotWaiting(() -> reporting.contribute("t-1", "2025-Q1", "unit-market", "迟到的配合", List.of()),
                "no contribution of your unit for 2025-Q1 of task t-1 is waiting");
        CommandMessage<?> closed = messages().stream().filter(m -> m.getPayload() instanceof CloseContributions)
                .findFirst().orElseThrow();
        assertThat(closed.getPayload()).isEqualTo(new CloseContributions("t-1", "2025-Q1"));
        assertThat(closed.getMetaData()).containsEntry(MetadataKeys.PROCESS_INSTANCE_ID, instance.getId());
    }

    @Test
    void contributions_all_given_leave_no_period_timer() {
        ProcessInstance instance = open(List.of("unit-finance"));
        reporting.contribute("t-1", "2025-Q1", "unit-finance", "资金已拨付", List.of());
        BpmnAwareTests.assertThat(instance).hasPassed("contributionsDone");
        assertThat(BpmnAwareTests.jobQuery().processInstanceId(instance.getId()).activityId("periodClosed").count()).isZero();
    }

    @Test
    void each_unit_and_the_supervisors_find_their_own_steps_in_their_inboxes() {
        ProcessInstance instance = open(List.of("unit-finance"));
        String contribution = task(ProgressReporting.CONTRIBUTE, instance).getId();

        assertThat(waiting.ofUnit("unit-finance")).singleElement().satisfies(step -> {
            assertThat(step.userTaskId()).isEqualTo(contribution);
            assertThat(step.kind()).isEqualTo(StepKind.CONTRIBUTE);
            assertThat(step.name()).isEqualTo("报送配合情况 Contribute");
            assertThat(step.taskId()).isEqualTo("t-1");
            assertThat(step.period()).isEqualTo("2025-Q1");
            assertThat(step.due()).isEqualTo(WorkflowClock.startOf(LocalDate.of(2025, 4, 7)).toInstant());
            assertThat(step.created()).isNotNull();
        });
        assertThat(waiting.ofUnit("unit-health")).extracting(OpenStep::kind).containsExactly(StepKind.WRITE_REPORT);
        assertThat(waiting.ofSupervisors()).isEmpty();

        reporting.submit("t-1", "2025-Q1", "unit-health", CONTENT);
        assertThat(waiting.ofUnit("unit-health")).isEmpty();
        assertThat(waiting.ofSupervisors()).extracting(OpenStep::kind, OpenStep::taskId, OpenStep::period)
                .containsExactly(tuple(StepKind.REVIEW_REPORT, "t-1", "2025-Q1"));
    }

    @Test
    void the_inboxes_follow_the_steps_changed_in_camundas_tasklist_as_the_engine_answers_its_candidate_queries() {
        ProcessInstance instance = open(List.of("unit-finance"));
        String write = task(ProgressReporting.WRITE, instance).getId();
        String contribution = task(ProgressReporting.CONTRIBUTE, instance).getId();
        WaitingStepsLedger.assertAgreesWithEngine();

        taskService().claim(write, "someone");
        assertThat(waiting.ofUnit("unit-health")).as("a claimed step waits on its assignee alone").isEmpty();
        assertThat(waiting.tallyOfUnit("unit-health")).isEmpty();
        taskService().setAssignee(write, null);
        assertThat(waiting.ofUnit("unit-health")).extracting(OpenStep::userTaskId).containsExactly(write);

        taskService().addCandidateGroup(contribution, "unit-market");
        assertThat(waiting.ofUnit("unit-market")).extracting(OpenStep::userTaskId).containsExactly(contribution);
        taskService().deleteCandidateGroup(contribution, "unit-finance");
        assertThat(waiting.ofUnit("unit-finance")).isEmpty();
        taskService().addCandidateUser(contribution, "evaluator-1");
        assertThat(waiting.ofEvaluator("evaluator-1")).extracting(OpenStep::userTaskId).containsExactly(contribution);

        Task moved = taskService().createTaskQuery().taskId(write).singleResult();
        Date later = Date.from(WorkflowClock.startOf(LocalDate.of(2025, 5, 6)).toInstant());
        moved.setDueDate(later);
        taskService().saveTask(moved);
        assertThat(waiting.ofUnit("unit-health")).extracting(OpenStep::due).containsExactly(later.toInstant());
        assertThat(waiting.tallyOfUnit("unit-health")).extracting(WaitingSteps.Tally::due, WaitingSteps.Tally::count)
                .containsExactly(tuple(later.toInstant(), 1));
        WaitingStepsLedger.assertAgreesWithEngine();

        // deleted without its custom listeners, as Cockpit may: the ledger's listener is the engine's own
        runtimeService().deleteProcessInstance(instance.getId(), "withdrawn", true);
        assertThat(waiting.ofUnit("unit-health")).isEmpty();
        assertThat(waiting.ofUnit("unit-market")).isEmpty();
        assertThat(waiting.ofEvaluator("evaluator-1")).isEmpty();
        WaitingStepsLedger.assertAgreesWithEngine();
    }

    @Test
    void the_engine_schema_migration_fills_the_ledger_with_the_steps_open_before_it_as_the_listeners_write_them() {
        ProcessInstance instance = open(List.of("unit-finance", "unit-market"));
        reporting.contribute("t-1", "2025-Q1", "unit-market", "已完成", List.of());
        taskService().addCandidateUser(task(ProgressReporting.WRITE, instance).getId(), "evaluator-1");
        List<List<Object>> written = WaitingStepsLedger.rows();
        assertThat(written).hasSize(3);

        WaitingStepsLedger.refillAsTheMigrationDoes();

        assertThat(WaitingStepsLedger.rows()).isEqualTo(written);
    }

    @Test
    void each_command_carries_the_process_instance_and_the_step_it_records() {
        ProcessInstance instance = open(List.of());
        String writeStep = task(ProgressReporting.WRITE, instance).getId();
        reporting.submit("t-1", "2025-Q1", "unit-health", CONTENT);

        CommandMessage<?> submitted = messages().stream().filter(m -> m.getPayload() instanceof SubmitReport)
                .findFirst().orElseThrow();
        assertThat(submitted.getMetaData()).containsEntry(MetadataKeys.PROCESS_INSTANCE_ID, instance.getId())
                .containsEntry(MetadataKeys.USER_TASK_ID, writeStep);
    }

    @Test
    void a_report_or_contribution_completed_outside_duban_without_its_content_is_refused_and_stays_open() {
        ProcessInstance instance = open(List.of("unit-market"));

        assertThatThrownBy(() -> taskService().complete(task(ProgressReporting.WRITE, instance).getId()))
                .hasMessageContaining("must be completed in Duban");
        assertThatThrownBy(() -> taskService().complete(task(ProgressReporting.CONTRIBUTE, instance).getId()))
                .hasMessageContaining("must be completed in Duban");

        BpmnAwareTests.assertThat(instance).isWaitingAt(ProgressReporting.CONTRIBUTE, ProgressReporting.WRITE);
        assertThat(messages()).extracting(CommandMessage::getPayload).noneMatch(
                command -> command instanceof SubmitReport || command instanceof SubmitContribution);
    }

    @Test
    void a_reminder_of_a_report_with_the_unit_goes_to_the_task_with_its_report_process() {
        ProcessInstance instance = open(List.of());
        when(gateway.sendAndWait(argThat((Object m) -> m instanceof CommandMessage<?> c && c.getPayload() instanceof RemindReport)))
                .thenReturn(true);
        reporting.remind("t-1", "2025-Q1", "请按时报送");
        CommandMessage<?> reminded = messages().stream().filter(m -> m.getPayload() instanceof RemindReport)
                .findFirst().orElseThrow();
        assertThat(reminded.getPayload()).isEqualTo(new RemindReport("t-1", "2025-Q1", "请按时报送"));
        assertThat(reminded.getMetaData()).containsEntry(MetadataKeys.PROCESS_INSTANCE_ID, instance.getId());
        // the report's process goes on: a reminder by hand changes no step
        BpmnAwareTests.assertThat(instance).isWaitingAt(ProgressReporting.WRITE, "reminderDue");
    }

    @Test
    void an_unsubmitted_report_is_reminded_marked_overdue_and_escalated_to_the_supervisors() {
        when(gateway.sendAndWait(argThat((Object m) -> m instanceof CommandMessage<?> c && c.getPayload() instanceof MarkReportOverdue)))
                .thenReturn(true);
        ProcessInstance instance = open(List.of());
        BpmnAwareTests.assertThat(instance).isWaitingAt(ProgressReporting.WRITE, "reminderDue");
        BpmnAwareTests.assertThat(job("reminderDue", instance)).hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 4, 2)));

        execute(job("reminderDue", instance));
        BpmnAwareTests.assertThat(instance).isWaitingAt("overdueDue");
        BpmnAwareTests.assertThat(job("overdueDue", instance)).hasDueDate(WorkflowClock.startOf(LocalDate.of(2025, 4, 10)));
        execute(job("overdueDue", instance));

        BpmnAwareTests.assertThat(instance).hasPassed("remind", "markOverdue")
                .isWaitingAt(ProgressReporting.ESCALATION, ProgressReporting.WRITE);
        assertThat(waiting.onTask("t-1")).containsExactlyInAnyOrder(
                new WaitingStep(StepKind.HANDLE_ESCALATION, "2025-Q1", null, null),
                new WaitingStep(StepKind.WRITE_REPORT, "2025-Q1", "unit-health", null));
        reporting.remind("t-1", "2025-Q1", "请于三日内报送");
        BpmnAwareTests.assertThat(instance).hasPassed("escalationHandled").isWaitingAt(ProgressReporting.WRITE);
        assertThat(sent()).containsSubsequence(new RemindReport("t-1", "2025-Q1", null),
                new MarkReportOverdue("t-1", "2025-Q1"),
                new RemindReport("t-1", "2025-Q1", "请于三日内报送"));
    }

    @Test
    void a_report_submitted_in_time_is_not_escalated() {
        when(gateway.sendAndWait(argThat((Object m) -> m instanceof CommandMessage<?> c && c.getPayload() instanceof MarkReportOverdue)))
                .thenReturn(false);
        ProcessInstance instance = open(List.of());
        reporting.submit("t-1", "2025-Q1", "unit-health", CONTENT);
        execute(job("reminderDue", instance));
        execute(job("overdueDue", instance));

        BpmnAwareTests.assertThat(instance).hasPassed("noEscalation").hasNotPassed("handleEscalation")
                .isWaitingAt(ProgressReporting.REVIEW);
    }
}
