package org.duban.process.reporting;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.OpenReportingPeriod;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.SubmitContribution;
import org.duban.api.reporting.SubmitReport;
import org.duban.process.WorkflowCommands;
import org.duban.process.WorkflowClock;
import org.duban.process.calendar.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code progress-report} process of one task and period (business key {@code taskId/period}): contributions
 * of the co-units, the lead unit's report and its review rounds, a reminder before the due date and an overdue
 * mark with escalation after due date plus grace. Dates count working days.
 */
@Component
public class ProgressReporting {
    public static final String PROCESS_KEY = "progress-report";
    public static final String CONTRIBUTE = "contribute";
    public static final String WRITE = "writeReport";
    public static final String REVIEW = "reviewReport";
    public static final String ESCALATION = "handleEscalation";
    static final String TASK_ID = "taskId";
    static final String PERIOD = "periodKey";
    static final String LEAD_UNIT_ID = "leadUnitId";
    static final String CO_UNIT_IDS = "coUnitIds";
    static final String CO_UNIT_ID = "coUnitId";
    static final String DUE_ON = "dueOn";
    static final String REMIND_AT = "remindAt";
    static final String OVERDUE_AT = "overdueAt";
    static final String ACCEPTED = "accepted";
    static final String MARKED_OVERDUE = "markedOverdue";
    // transient: it lives only in the completing transaction
    static final String REASON = "reason";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final CommandGateway gateway;
    private final WorkflowCommands commands;
    private final WorkingDays workingDays;
    private final int remindBefore;

    public ProgressReporting(RuntimeService runtime, TaskService tasks, CommandGateway gateway, WorkflowCommands commands,
                             WorkingDays workingDays, @Value("${duban.workflow.remind-working-days:3}") int remindBefore) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.gateway = gateway;
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
     * Opens the period's report of a task and starts its process, in one transaction; answers false, starting
     * nothing, when the task had nothing to open (not acknowledged, closed, or its report already open).
     */
    @Transactional
    public boolean open(String taskId, ReportingPeriod period, String leadUnitId, List<String> coUnitIds,
                        LocalDate dueOn, LocalDate overdueOn) {
        if (!Boolean.TRUE.equals(gateway.sendAndWait(new OpenReportingPeriod(taskId, period, dueOn, overdueOn)))) {
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

    /** The open step of the given kind; for contributions, the one of the given co-unit. */
    public Optional<Task> open(String taskId, String periodKey, String definitionKey, String candidateGroup) {
        var query = tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(businessKey(taskId, periodKey)).taskDefinitionKey(definitionKey);
        if (candidateGroup != null) {
            query.taskCandidateGroup(candidateGroup);
        }
        return query.list().stream().findFirst();
    }

    @Transactional
    public void contribute(Task step, String unitId, String text, List<EvidenceRef> evidence) {
        String periodKey = (String) tasks.getVariable(step.getId(), PERIOD);
        String taskId = (String) tasks.getVariable(step.getId(), TASK_ID);
        commands.completeWith(new SubmitContribution(taskId, periodKey, unitId, text, evidence),
                () -> tasks.complete(step.getId()));
    }

    @Transactional
    public void submit(Task step, String unitId, ReportContent content) {
        String periodKey = (String) tasks.getVariable(step.getId(), PERIOD);
        String taskId = (String) tasks.getVariable(step.getId(), TASK_ID);
        commands.completeWith(new SubmitReport(taskId, periodKey, unitId, content), () -> tasks.complete(step.getId()));
    }

    @Transactional
    public void review(Task step, boolean accepted, String reason) {
        tasks.complete(step.getId(), Variables.createVariables().putValue(ACCEPTED, accepted)
                .putValueTyped(REASON, Variables.stringValue(reason, true)));
    }

    /** The supervisor deals with an escalated report by urging the unit (催办) with a note. */
    @Transactional
    public void urge(Task step, String note) {
        tasks.complete(step.getId(), Variables.createVariables().putValueTyped(REASON, Variables.stringValue(note, true)));
    }
}
