package org.duban.process.reporting;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.api.reporting.DraftReport;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.OpenReportingPeriod;
import org.duban.api.reporting.RemindReport;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.SubmitContribution;
import org.duban.api.reporting.SubmitReport;
import org.duban.process.StepNotWaiting;
import org.duban.process.WorkflowClock;
import org.duban.process.WorkflowCommands;
import org.duban.process.calendar.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code progress-report} process of one task and period (business key {@code taskId/period}): contributions
 * of the co-units, the lead unit's report and its review rounds, a reminder before the due date and an overdue
 * mark with escalation after due date plus grace. Dates count working days.
 * <p>
 * Each step is taken here in one transaction: the waiting user task is found (or the step refused as not waiting),
 * its command is sent with the process instance and user task in its metadata, and the user task is completed.
 */
@Component
public class ProgressReporting {
    public static final String PROCESS_KEY = "progress-report";
    public static final String CONTRIBUTE = "contribute";
    public static final String WRITE = "writeReport";
    public static final String REVIEW = "reviewReport";
    public static final String ESCALATION = "handleEscalation";
    public static final String TASK_ID = "taskId";
    public static final String PERIOD = "periodKey";
    public static final String LEAD_UNIT_ID = "leadUnitId";
    public static final String CO_UNIT_ID = "coUnitId";
    static final String CO_UNIT_IDS = "coUnitIds";
    static final String DUE_ON = "dueOn";
    static final String REMIND_AT = "remindAt";
    static final String OVERDUE_AT = "overdueAt";
    static final String ACCEPTED = "accepted";
    static final String MARKED_OVERDUE = "markedOverdue";
    // transient: they live only in the completing transaction
    static final String REASON = "reason";
    static final String RECORDED = "recordedInDuban";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final WorkflowCommands commands;
    private final WorkingDays workingDays;
    private final int remindBefore;

    public ProgressReporting(RuntimeService runtime, TaskService tasks, WorkflowCommands commands,
                             WorkingDays workingDays, @Value("${duban.workflow.remind-working-days:3}") int remindBefore) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.commands = commands;
        this.workingDays = workingDays;
        this.remindBefore = remindBefore;
    }

    public static String businessKey(String taskId, String periodKey) {
        return taskId + "/" + periodKey;
    }

    /** Due on {@code dueDay} of the month after the period, moved to a working day. */
    public LocalDate dueOn(ReportingPeriod period, int dueDay) {
        return workingDays.onOrAfter(period.end().plusMonths(1).withDayOfMonth(dueDay));
    }

    /** Overdue from the first working day after due date plus grace. */
    public LocalDate overdueOn(LocalDate dueOn, int graceWorkingDays) {
        return workingDays.plus(dueOn, graceWorkingDays + 1);
    }

    /**
     * Opens the period's report of a task and starts its process, in one transaction. Answers false,
     * starting nothing, when the task had nothing to open (not acknowledged, closed, or its report already open).
     */
    @Transactional
    public boolean startReport(String taskId, ReportingPeriod period, String leadUnitId, List<String> coUnitIds,
                               LocalDate dueOn, LocalDate overdueOn) {
        Object opened = commands.send(new OpenReportingPeriod(taskId, period, dueOn, overdueOn), null, null);
        if (!Boolean.TRUE.equals(opened)) {
            return false;
        }
        LocalDate remindOn = workingDays.minus(dueOn, remindBefore);
        Map<String, Object> variables = new HashMap<>();
        variables.put(TASK_ID, taskId);
        variables.put(PERIOD, period.key());
        variables.put(LEAD_UNIT_ID, leadUnitId);
        variables.put(CO_UNIT_IDS, List.copyOf(coUnitIds));
        variables.put(DUE_ON, WorkflowClock.startOf(dueOn));
        variables.put(REMIND_AT, WorkflowClock.startOf(remindOn.isBefore(WorkflowClock.today()) ? WorkflowClock.today() : remindOn));
        variables.put(OVERDUE_AT, WorkflowClock.startOf(overdueOn));
        runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(taskId, period.key()), variables);
        return true;
    }

    /** A co-unit's contribution to the period's report. */
    @Transactional
    public void contribute(String taskId, String period, String unitId, String text, List<EvidenceRef> evidence) {
        Task step = waiting(steps(taskId, period, CONTRIBUTE).taskCandidateGroup(unitId),
                "contribution of your unit for " + period, taskId);
        record(step, new SubmitContribution(taskId, period, unitId, text, evidence));
    }

    /** The lead unit saves a draft while its report is to be written; the step stays waiting. */
    @Transactional
    public void draft(String taskId, String period, String unitId, ReportContent content) {
        Task step = waiting(steps(taskId, period, WRITE), "report for " + period, taskId);
        commands.send(new DraftReport(taskId, period, unitId, content), step.getProcessInstanceId(), step.getId());
    }

    /** The lead unit submits the report for review. */
    @Transactional
    public void submit(String taskId, String period, String unitId, ReportContent content) {
        Task step = waiting(steps(taskId, period, WRITE), "report for " + period, taskId);
        record(step, new SubmitReport(taskId, period, unitId, content));
    }

    /** A supervisor accepts the report or returns it with a reason; the step's listener sends the command. */
    @Transactional
    public void review(String taskId, String period, boolean accepted, String reason) {
        Task step = waiting(steps(taskId, period, REVIEW), "review of " + period, taskId);
        tasks.complete(step.getId(), Variables.createVariables().putValue(ACCEPTED, accepted)
                .putValueTyped(REASON, Variables.stringValue(reason, true)));
    }

    /**
     * A supervisor reminds the lead unit of a report still with it (催办), with a note. An escalated report is
     * reminded by handling its escalation step; any other is reminded directly. The task refuses a reminder of a
     * report no longer with the unit.
     */
    @Transactional
    public void remind(String taskId, String period, String note) {
        Task escalation = steps(taskId, period, ESCALATION).list().stream().findFirst().orElse(null);
        if (escalation != null) {
            tasks.complete(escalation.getId(), Variables.createVariables()
                    .putValueTyped(REASON, Variables.stringValue(note, true)));
            return;
        }
        ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey(taskId, period)).singleResult();
        commands.send(new RemindReport(taskId, period, note), process == null ? null : process.getId(), null);
    }

    private TaskQuery steps(String taskId, String period, String kind) {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey(taskId, period)).taskDefinitionKey(kind);
    }

    private static Task waiting(TaskQuery query, String what, String taskId) {
        return query.list().stream().findFirst().orElseThrow(() -> StepNotWaiting.refusal(what, taskId));
    }

    /** Sends the step's command, then completes the step, telling its listener that the command is sent. */
    private void record(Task step, Object command) {
        commands.send(command, step.getProcessInstanceId(), step.getId());
        VariableMap recorded = Variables.createVariables().putValueTyped(RECORDED, Variables.booleanValue(true, true));
        tasks.complete(step.getId(), recorded);
    }
}
