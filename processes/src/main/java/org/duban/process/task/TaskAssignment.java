package org.duban.process.task;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.duban.api.task.AdjustmentKind;
import org.duban.process.WorkflowClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code task-assignment} process of one task (business key: the task id): the lead unit acknowledges (签收)
 * or asks for an adjustment, which a supervisor decides, and then acknowledges. Each completion sends its command
 * in the completing transaction (see {@link TaskAssignmentSteps}).
 */
@Component
public class TaskAssignment {
    public static final String PROCESS_KEY = "task-assignment";
    public static final String ACKNOWLEDGE = "acknowledgeTask";
    public static final String DECIDE = "decideAdjustment";
    public static final String CONFIRM_PART = "confirmPart";
    static final String TASK_ID = "taskId";
    static final String LEAD_UNIT_ID = "leadUnitId";
    static final String CO_UNIT_IDS = "coUnitIds";
    static final String CO_UNIT_ID = "coUnitId";
    static final String ACKNOWLEDGE_BY = "acknowledgeBy";
    static final String OUTCOME = "outcome";
    static final String ACKNOWLEDGED = "acknowledged";
    static final String ADJUSTMENT = "adjustment";
    static final String ADJUSTMENT_ID = "adjustmentId";
    static final String APPROVED = "approved";
    // transient: they live only in the completing transaction
    static final String ACTOR_UNIT_ID = "actorUnitId";
    static final String KIND = "adjustmentKind";
    static final String PROPOSAL = "proposal";
    static final String REASON = "reason";

    private final RuntimeService runtime;
    private final TaskService tasks;

    public TaskAssignment(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    public void start(String taskId, String leadUnitId, List<String> coUnitIds, LocalDate acknowledgeBy) {
        runtime.startProcessInstanceByKey(PROCESS_KEY, taskId, Map.of(TASK_ID, taskId, LEAD_UNIT_ID, leadUnitId,
                CO_UNIT_IDS, List.copyOf(coUnitIds), ACKNOWLEDGE_BY, WorkflowClock.startOf(acknowledgeBy)));
    }

    /** The open "confirm your part" step of a co-unit, if it has not confirmed yet. */
    public Optional<Task> openConfirmation(String taskId, String coUnitId) {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY).processInstanceBusinessKey(taskId)
                .taskDefinitionKey(CONFIRM_PART).taskCandidateGroup(coUnitId).list().stream().findFirst();
    }

    @Transactional
    public void confirmPart(Task open) {
        tasks.complete(open.getId());
    }

    /** The open user task of the given kind for a task, if the process waits there. */
    public Optional<Task> open(String taskId, String definitionKey) {
        return Optional.ofNullable(tasks.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(taskId).taskDefinitionKey(definitionKey).singleResult());
    }

    @Transactional
    public void acknowledge(Task open, String unitId) {
        tasks.complete(open.getId(), Variables.createVariables().putValue(OUTCOME, ACKNOWLEDGED)
                .putValueTyped(ACTOR_UNIT_ID, Variables.stringValue(unitId, true)));
    }

    /** Answers the id of the adjustment asked for. */
    @Transactional
    public String requestAdjustment(Task open, String unitId, AdjustmentKind kind, String proposal, String reason) {
        String adjustmentId = UUID.randomUUID().toString();
        tasks.complete(open.getId(), Variables.createVariables().putValue(OUTCOME, ADJUSTMENT)
                .putValue(ADJUSTMENT_ID, adjustmentId)
                .putValueTyped(ACTOR_UNIT_ID, Variables.stringValue(unitId, true))
                .putValueTyped(KIND, Variables.stringValue(kind == null ? null : kind.name(), true))
                .putValueTyped(PROPOSAL, Variables.stringValue(proposal, true))
                .putValueTyped(REASON, Variables.stringValue(reason, true)));
        return adjustmentId;
    }

    /** The adjustment a decision step is about. */
    public String adjustmentOf(Task decision) {
        return (String) tasks.getVariable(decision.getId(), ADJUSTMENT_ID);
    }

    @Transactional
    public void decide(Task open, boolean approved, String reason) {
        tasks.complete(open.getId(), Variables.createVariables().putValue(APPROVED, approved)
                .putValueTyped(REASON, Variables.stringValue(reason, true)));
    }
}
