package org.duban.process.steps;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.duban.process.adjustment.Adjustments;
import org.duban.process.evaluation.EvaluationRounds;
import org.duban.process.plan.PlanPublication;
import org.duban.process.reporting.ProgressReporting;
import org.duban.process.supervision.SupervisionCases;
import org.duban.process.task.TaskAssignment;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What waits on people: the open user tasks of a task's assignment and reports (business keys {@code taskId} and
 * {@code taskId/period}), and the inboxes of a unit and of the supervisors.
 */
@Component
public class WaitingSteps {
    private static final String[] TASK_PROCESSES = {TaskAssignment.PROCESS_KEY, ProgressReporting.PROCESS_KEY};
    /**
     * The inboxes hold the adjustments', the supervision cases' and the evaluation rounds' steps too; their business
     * keys are their ids ({@link OpenStep#taskId()} is then the case or the round).
     */
    private static final String[] INBOX_PROCESSES = {TaskAssignment.PROCESS_KEY, ProgressReporting.PROCESS_KEY,
            Adjustments.PROCESS_KEY, SupervisionCases.PROCESS_KEY, EvaluationRounds.PROCESS_KEY};
    private final TaskService tasks;
    private final RuntimeService runtime;

    public WaitingSteps(TaskService tasks, RuntimeService runtime) {
        this.tasks = tasks;
        this.runtime = runtime;
    }

    /** The steps waiting on a task now, of its assignment and of every period's report. */
    public List<WaitingStep> onTask(String taskId) {
        List<Task> open = tasks.createTaskQuery().processDefinitionKeyIn(TASK_PROCESSES)
                .or().processInstanceBusinessKey(taskId).processInstanceBusinessKeyLike(taskId + "/%").endOr()
                .list();
        if (open.isEmpty()) {
            return List.of();
        }
        // what the steps are about: the process variables, and each co-unit's own in its instance of the step
        Map<String, Map<String, Object>> variablesByExecution = new HashMap<>();
        runtime.createVariableInstanceQuery()
                .processInstanceIdIn(open.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new))
                .variableNameIn(ProgressReporting.TASK_ID, ProgressReporting.PERIOD, ProgressReporting.LEAD_UNIT_ID,
                        ProgressReporting.CO_UNIT_ID, TaskAssignment.ADJUSTMENT_ID)
                .disableBinaryFetching().disableCustomObjectDeserialization().list()
                .forEach(variable -> variablesByExecution.computeIfAbsent(variable.getExecutionId(),
                        execution -> new HashMap<>()).put(variable.getName(), variable.getValue()));
        return open.stream().map(step -> {
            Map<String, Object> process = variablesByExecution.getOrDefault(step.getProcessInstanceId(), Map.of());
            if (!taskId.equals(process.get(ProgressReporting.TASK_ID))) {
                return null; // a business key that only looks alike
            }
            StepKind kind = StepKind.ofKey(step.getTaskDefinitionKey()).orElse(null);
            if (kind == null) {
                return null;
            }
            String unitId = switch (kind) {
                case CONTRIBUTE, CONFIRM_PART -> (String) variablesByExecution
                        .getOrDefault(step.getExecutionId(), Map.of()).get(ProgressReporting.CO_UNIT_ID);
                case ACKNOWLEDGE, WRITE_REPORT -> (String) process.get(ProgressReporting.LEAD_UNIT_ID);
                default -> null;
            };
            return new WaitingStep(kind, (String) process.get(ProgressReporting.PERIOD), unitId,
                    kind == StepKind.DECIDE_ADJUSTMENT ? (String) process.get(TaskAssignment.ADJUSTMENT_ID) : null);
        }).filter(step -> step != null).toList();
    }

    /** A unit's inbox: the steps of the tasks it leads or works with, oldest first. */
    public List<OpenStep> ofUnit(String unitId) {
        return inbox(unitId);
    }

    /** The supervisors' inbox, of every plan; who sees which is decided by the plan's supervising office. */
    public List<OpenStep> ofSupervisors() {
        return inbox(PlanPublication.SUPERVISOR_GROUP);
    }

    /** An evaluator's inbox: their steps in the evaluation rounds they are appointed to, oldest first. */
    public List<OpenStep> ofEvaluator(String username) {
        return inbox(tasks.createTaskQuery().processDefinitionKeyIn(INBOX_PROCESSES).taskCandidateUser(username));
    }

    private List<OpenStep> inbox(String group) {
        return inbox(tasks.createTaskQuery().processDefinitionKeyIn(INBOX_PROCESSES).taskCandidateGroup(group));
    }

    private List<OpenStep> inbox(TaskQuery query) {
        List<Task> open = query.orderByTaskCreateTime().asc().list();
        Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = instanceIds.isEmpty() ? new HashMap<>() : runtime.createProcessInstanceQuery()
                .processInstanceIds(new HashSet<>(instanceIds)).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        adjustedTasks(open, businessKeys);
        return open.stream().filter(step -> businessKeys.containsKey(step.getProcessInstanceId())).map(step -> {
            String[] key = businessKeys.get(step.getProcessInstanceId()).split("/", 2);
            return new OpenStep(step.getId(), StepKind.ofKey(step.getTaskDefinitionKey()).orElse(null), step.getName(),
                    key[0], key.length > 1 ? key[1] : null, instant(step.getDueDate()), instant(step.getCreateTime()));
        }).filter(step -> step.kind() != null).toList();
    }

    /**
     * An adjustment's process is keyed by the adjustment; its step is shown on the task it adjusts (read from the
     * process), and an indicator's, which has no task, is left to the plan's page.
     */
    private void adjustedTasks(List<Task> open, Map<String, String> businessKeys) {
        String[] adjustments = open.stream()
                .filter(step -> Adjustments.DECIDE.equals(step.getTaskDefinitionKey()))
                .map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        if (adjustments.length == 0) {
            return;
        }
        Map<String, String> taskIds = new HashMap<>();
        runtime.createVariableInstanceQuery().processInstanceIdIn(adjustments).variableName(Adjustments.TASK_ID)
                .list().forEach(variable -> taskIds.put(variable.getProcessInstanceId(), (String) variable.getValue()));
        for (String instanceId : adjustments) {
            if (taskIds.get(instanceId) == null) {
                businessKeys.remove(instanceId);
            } else {
                businessKeys.put(instanceId, taskIds.get(instanceId));
            }
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
