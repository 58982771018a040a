package org.duban.process.task;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.api.task.AdjustmentKind;
import org.duban.process.StepNotWaiting;
import org.duban.process.WorkflowClock;
import org.duban.process.calendar.WorkingDays;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The {@code task-assignment} process of one task (business key: the task id): the lead unit acknowledges (签收)
 * or asks for an adjustment, which a supervisor decides, and then acknowledges. Each completion sends its command
 * in the completing transaction (see {@link TaskAssignmentSteps}); a step that is not waiting is refused. Each co-unit
 * confirms its part (知悉) by the day the lead acknowledges by; from the next working day the confirmations not given
 * expire (see {@link TaskTimers}).
 */
@Component
public class TaskAssignment {
    public static final String PROCESS_KEY = "task-assignment";
    public static final String ACKNOWLEDGE = "acknowledgeTask";
    public static final String DECIDE = "decideAdjustment";
    public static final String CONFIRM_PART = "confirmPart";
    public static final String TASK_ID = "taskId";
    public static final String LEAD_UNIT_ID = "leadUnitId";
    static final String CO_UNIT_IDS = "coUnitIds";
    public static final String CO_UNIT_ID = "coUnitId";
    static final String ACKNOWLEDGE_BY = "acknowledgeBy";
    static final String CONFIRMATIONS_EXPIRE_AT = "confirmationsExpireAt";
    static final String OUTCOME = "outcome";
    static final String ACKNOWLEDGED = "acknowledged";
    static final String ADJUSTMENT = "adjustment";
    public static final String ADJUSTMENT_ID = "adjustmentId";
    static final String APPROVED = "approved";
    // transient: they live only in the completing transaction
    static final String ACTOR_UNIT_ID = "actorUnitId";
    static final String KIND = "adjustmentKind";
    static final String PROPOSAL = "proposal";
    static final String REASON = "reason";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final WorkingDays workingDays;

    public TaskAssignment(RuntimeService runtime, TaskService tasks, WorkingDays workingDays) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.workingDays = workingDays;
    }

    public void start(String taskId, String leadUnitId, List<String> coUnitIds, LocalDate acknowledgeBy) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, taskId, Map.of(TASK_ID, taskId, LEAD_UNIT_ID, leadUnitId,
                CO_UNIT_IDS, List.copyOf(coUnitIds), ACKNOWLEDGE_BY, WorkflowClock.startOf(acknowledgeBy),
                // the whole due day is the co-units', as a report's due day is the lead's
                CONFIRMATIONS_EXPIRE_AT, WorkflowClock.startOf(workingDays.plus(acknowledgeBy, 1))));
    }

    /** A co-unit confirms it was told of its part (知悉). */
    @Transactional
    public void confirmPart(String taskId, String coUnitId) {
        tasks.complete(waiting(steps(taskId, CONFIRM_PART).taskCandidateGroup(coUnitId),
                "confirmation of your unit's part", taskId).getId());
    }

    /** The lead unit acknowledges (签收) the task. */
    @Transactional
    public void acknowledge(String taskId, String unitId) {
        tasks.complete(waiting(steps(taskId, ACKNOWLEDGE), "acknowledgement", taskId).getId(),
                Variables.createVariables().putValue(OUTCOME, ACKNOWLEDGED)
                        .putValueTyped(ACTOR_UNIT_ID, Variables.stringValue(unitId, true)));
    }

    /** The lead unit asks for an adjustment instead of acknowledging; answers the id of the adjustment. */
    @Transactional
    public String requestAdjustment(String taskId, String unitId, AdjustmentKind kind, String proposal, String reason) {
        Task step = waiting(steps(taskId, ACKNOWLEDGE), "acknowledgement", taskId);
        String adjustmentId = UUID.randomUUID().toString();
        tasks.complete(step.getId(), Variables.createVariables().putValue(OUTCOME, ADJUSTMENT)
                .putValue(ADJUSTMENT_ID, adjustmentId)
                .putValueTyped(ACTOR_UNIT_ID, Variables.stringValue(unitId, true))
                .putValueTyped(KIND, Variables.stringValue(kind == null ? null : kind.name(), true))
                .putValueTyped(PROPOSAL, Variables.stringValue(proposal, true))
                .putValueTyped(REASON, Variables.stringValue(reason, true)));
        return adjustmentId;
    }

    /**
     * A supervisor approves or rejects the adjustment waiting for a decision. Answers false, deciding nothing, when
     * the decision waiting is about another adjustment.
     */
    @Transactional
    public boolean decide(String taskId, String adjustmentId, boolean approved, String reason) {
        Task step = waiting(steps(taskId, DECIDE), "adjustment decision", taskId);
        if (!adjustmentId.equals(tasks.getVariable(step.getId(), ADJUSTMENT_ID))) {
            return false;
        }
        tasks.complete(step.getId(), Variables.createVariables().putValue(APPROVED, approved)
                .putValueTyped(REASON, Variables.stringValue(reason, true)));
        return true;
    }

    private TaskQuery steps(String taskId, String kind) {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(taskId)
                .taskDefinitionKey(kind);
    }

    private static Task waiting(TaskQuery query, String what, String taskId) {
        return query.list().stream().findFirst().orElseThrow(() -> StepNotWaiting.refusal(what, taskId));
    }
}
