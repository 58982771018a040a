package org.duban.process.adjustment;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.api.task.AdjustmentKind;
import org.duban.process.StepNotWaiting;
import org.duban.process.WorkflowClock;
import org.duban.process.calendar.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code adjustment} process (business key: the adjustment id): a task in execution or an indicator's target is
 * asked to change (动态调整), the plan's supervisors decide within a number of working days, reminded on a day
 * before. Asking starts the process, whose first step has the task or the indicator record the request in the same
 * transaction (a refusal starts nothing); deciding completes the supervisors' step, whose listener sends the decision
 * ({@link AdjustmentSteps}). Process variables hold ids; what was asked and why lives only in the starting or
 * completing transaction.
 */
@Component
public class Adjustments {
    public static final String PROCESS_KEY = "adjustment";
    public static final String DECIDE = "decideDynamicAdjustment";
    public static final String ADJUSTMENT_ID = "adjustmentId";
    public static final String SUBJECT = "subject";
    public static final String TASK_ID = "taskId";
    public static final String INDICATOR_ID = "indicatorId";
    public static final String PLAN_ID = "planId";
    static final String DECIDE_BY = "decideBy";
    static final String REMIND_AT = "remindAt";
    static final String APPROVED = "approved";
    // transient: they live only in the starting or the completing transaction
    static final String UNIT_ID = "unitId";
    static final String KIND = "adjustmentKind";
    static final String PROPOSAL = "proposal";
    static final String REASON = "reason";
    static final String APPROVAL_DOCUMENT = "approvalDocument";

    /** What an adjustment changes. */
    public enum Subject { TASK, INDICATOR }

    /** An adjustment waiting for the supervisors' decision. */
    public record Waiting(String adjustmentId, Subject subject, String taskId, String indicatorId, String planId,
                          String userTaskId) {
    }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final WorkingDays workingDays;
    private final int decideWithin;
    private final int remindAfter;

    /**
     * @param decideWithin working days the supervisors have to decide
     * @param remindAfter  working days after which an undecided adjustment is raised in their inbox
     */
    public Adjustments(RuntimeService runtime, TaskService tasks, WorkingDays workingDays,
                       @Value("${duban.adjustment.decide-within-working-days:5}") int decideWithin,
                       @Value("${duban.adjustment.remind-after-working-days:3}") int remindAfter) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.workingDays = workingDays;
        this.decideWithin = decideWithin;
        this.remindAfter = remindAfter;
    }

    /** The lead unit (or a supervisor on its behalf) asks to change a task in execution; answers the adjustment id. */
    @Transactional
    public String askForTaskAdjustment(String taskId, String planId, String unitId, AdjustmentKind kind,
                                       String proposal, String reason) {
        VariableMap variables = started(Subject.TASK, planId).putValue(TASK_ID, taskId)
                .putValueTyped(KIND, Variables.stringValue(kind == null ? null : kind.name(), true));
        return start(variables, unitId, proposal, reason);
    }

    /** A responsible unit (or a supervisor) asks to change an indicator's target; answers the adjustment id. */
    @Transactional
    public String askForTargetAdjustment(String indicatorId, String planId, String unitId, String proposedTarget,
                                         String reason) {
        return start(started(Subject.INDICATOR, planId).putValue(INDICATOR_ID, indicatorId), unitId, proposedTarget,
                reason);
    }

    /**
     * A supervisor approves or refuses; {@code approvalDocument} names the approving body's document (required for a
     * binding indicator, unused for a task). A decision on an adjustment not waiting is refused.
     */
    @Transactional
    public void decide(String adjustmentId, boolean approved, String reason, String approvalDocument) {
        Task step = decision(adjustmentId).orElseThrow(() -> StepNotWaiting.refusal("decision", adjustmentId));
        tasks.complete(step.getId(), Variables.createVariables().putValue(APPROVED, approved)
                .putValueTyped(REASON, Variables.stringValue(reason, true))
                .putValueTyped(APPROVAL_DOCUMENT, Variables.stringValue(approvalDocument, true)));
    }

    /** The adjustments of a plan's tasks and indicators waiting for a decision, oldest first. */
    public List<Waiting> waitingInPlan(String planId) {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).taskDefinitionKey(DECIDE)
                .processVariableValueEquals(PLAN_ID, planId).orderByTaskCreateTime().asc().list().stream()
                .map(this::waiting).toList();
    }

    /** The adjustment waiting for a decision, if it does. */
    public Optional<Waiting> waiting(String adjustmentId) {
        return decision(adjustmentId).map(this::waiting);
    }

    private Waiting waiting(Task step) {
        var variables = runtime.getVariables(step.getExecutionId(),
                List.of(ADJUSTMENT_ID, SUBJECT, TASK_ID, INDICATOR_ID, PLAN_ID));
        return new Waiting((String) variables.get(ADJUSTMENT_ID), Subject.valueOf((String) variables.get(SUBJECT)),
                (String) variables.get(TASK_ID), (String) variables.get(INDICATOR_ID), (String) variables.get(PLAN_ID),
                step.getId());
    }

    private Optional<Task> decision(String adjustmentId) {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(adjustmentId)
                .taskDefinitionKey(DECIDE).list().stream().findFirst();
    }

    private VariableMap started(Subject subject, String planId) {
        LocalDate today = WorkflowClock.today();
        return Variables.createVariables().putValue(SUBJECT, subject.name()).putValue(PLAN_ID, planId)
                .putValue(DECIDE_BY, WorkflowClock.startOf(workingDays.plus(today, decideWithin)))
                .putValue(REMIND_AT, WorkflowClock.startOf(workingDays.plus(today, remindAfter)));
    }

    private String start(VariableMap variables, String unitId, String proposal, String reason) {
        String adjustmentId = UUID.randomUUID().toString();
        runtime.startProcessInstanceByKey(PROCESS_KEY, adjustmentId, variables.putValue(ADJUSTMENT_ID, adjustmentId)
                .putValueTyped(UNIT_ID, Variables.stringValue(unitId, true))
                .putValueTyped(PROPOSAL, Variables.stringValue(proposal, true))
                .putValueTyped(REASON, Variables.stringValue(reason, true)));
        return adjustmentId;
    }
}
