package org.duban.process.reporting;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.duban.api.reporting.AcceptReport;
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

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        WorkflowCommands commands = new WorkflowCommands(gateway);
        Mocks.register(ReportingSteps.BEAN, new ReportingSteps(commands));
        Mocks.register(ReportTimers.REMINDER, ReportTimers.reportReminder(commands));
        Mocks.register(ReportTimers.OVERDUE, ReportTimers.reportOverdue(commands));
        reporting = new ProgressReporting(runtimeService(), taskService(), gateway, commands, new Weekdays(), 3);
        // the task answers whether it opened the period's report
        when(gateway.sendAndWait(argThat((Object m) -> m instanceof OpenReportingPeriod))).thenReturn(true);
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
        reporting.open("t-1", Q1, "unit-health", coUnits, due, reporting.overdueOn(due, 2));
        return runtimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(ProgressReporting.businessKey("t-1", "2025-Q1")).singleResult();
    }

    private List<Object> sent() {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway, atLeastOnce()).sendAndWait(sent.capture());
        return sent.getAllValues().stream().map(m -> m instanceof CommandMessage<?> c ? c.getPayload() : m).toList();
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
        when(gateway.sendAndWait(argThat((Object m) -> m instanceof OpenReportingPeriod))).thenReturn(false);
        LocalDate due = reporting.dueOn(Q1, 5);

        assertThat(reporting.open("t-1", Q1, "unit-health", List.of(), due, reporting.overdueOn(due, 2))).isFalse();
        assertThat(runtimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(ProgressReporting.businessKey("t-1", "2025-Q1")).count()).isZero();
    }

    @Test
    void co_units_contribute_the_lead_reports_a_return_sends_it_back_and_acceptance_ends_the_period() {
        ProcessInstance instance = open(List.of("unit-finance", "unit-market"));
        BpmnAwareTests.assertThat(instance).isWaitingAt("contribute", ProgressReporting.WRITE, "reminderDue");
        assertThat(taskQuery().taskDefinitionKey("contribute").list()).hasSize(2);

        reporting.contribute(reporting.open("t-1", "2025-Q1", "contribute", "unit-finance").orElseThrow(), "unit-finance",
                "资金已拨付", List.of());
        reporting.contribute(reporting.open("t-1", "2025-Q1", "contribute", "unit-market").orElseThrow(), "unit-market",
                "已配合检查", List.of());
        reporting.submit(reporting.open("t-1", "2025-Q1", ProgressReporting.WRITE, null).orElseThrow(), "unit-health", CONTENT);
        BpmnAwareTests.assertThat(instance).isWaitingAt(ProgressReporting.REVIEW);
        BpmnAwareTests.assertThat(task(ProgressReporting.REVIEW, instance)).hasCandidateGroup("supervisors");

        reporting.review(task(ProgressReporting.REVIEW, instance), false, "缺少佐证材料");
        BpmnAwareTests.assertThat(instance).isWaitingAt(ProgressReporting.WRITE);
        reporting.submit(task(ProgressReporting.WRITE, instance), "unit-health", CONTENT);
        reporting.review(task(ProgressReporting.REVIEW, instance), true, null);

        BpmnAwareTests.assertThat(instance).hasPassed("contributionsDone", "reportAccepted").isEnded();
        assertThat(sent()).containsExactly(
                new OpenReportingPeriod("t-1", Q1, LocalDate.of(2025, 4, 7), LocalDate.of(2025, 4, 10)),
                new SubmitContribution("t-1", "2025-Q1", "unit-finance", "资金已拨付", List.of()),
                new SubmitContribution("t-1", "2025-Q1", "unit-market", "已配合检查", List.of()),
                new SubmitReport("t-1", "2025-Q1", "unit-health", CONTENT),
                new ReturnReport("t-1", "2025-Q1", "缺少佐证材料"),
                new SubmitReport("t-1", "2025-Q1", "unit-health", CONTENT),
                new AcceptReport("t-1", "2025-Q1", null));
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
        reporting.urge(task(ProgressReporting.ESCALATION, instance), "请于三日内报送");
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
        reporting.submit(task(ProgressReporting.WRITE, instance), "unit-health", CONTENT);
        execute(job("reminderDue", instance));
        execute(job("overdueDue", instance));

        BpmnAwareTests.assertThat(instance).hasPassed("noEscalation").hasNotPassed("handleEscalation")
                .isWaitingAt(ProgressReporting.REVIEW);
    }
}
