package org.duban.app.task;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.duban.api.Role;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskSummary;
import org.duban.app.security.DubanUser;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 我的待办: the open Camunda user tasks of the user's unit (or, for supervisors, of the supervisors' group on the
 * plans their unit oversees), enriched from the projections.
 */
@Component
public class Inbox {
    public static final String SUPERVISORS = "supervisors";
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final QueryGateway queries;
    private final WorkAccess access;

    Inbox(TaskService tasks, RuntimeService runtime, QueryGateway queries, WorkAccess access) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.queries = queries;
        this.access = access;
    }

    /**
     * @param step   the kind of work: acknowledgeTask, decideAdjustment, contribute, writeReport, reviewReport,
     *               handleEscalation
     * @param period the reporting period, for report steps
     * @param code   the task's number as the document prints it, or absent
     */
    public record Item(String userTaskId, String step, String stepName, String taskId, String period, String planId,
                       String planTitle, int number, String code, String text, String leadUnit, Instant due,
                       Instant created) {

        public String shownNumber() {
            return org.duban.api.task.TaskNumbers.shown(number, code);
        }
    }

    public List<Item> of(DubanUser user) {
        String group = user.role() == Role.UNIT_USER ? WorkAccess.unitIdOf(user)
                : user.role() == Role.SUPERVISOR || user.role() == Role.ADMIN ? SUPERVISORS : null;
        if (group == null) {
            return List.of();
        }
        List<Task> open = tasks.createTaskQuery().taskCandidateGroup(group).orderByTaskCreateTime().asc().list();
        Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        Map<String, String> businessKeys = instanceIds.isEmpty() ? Map.of() : runtime.createProcessInstanceQuery()
                .processInstanceIds(new HashSet<>(instanceIds)).list().stream()
                .collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
        Map<String, TaskSummary> summaries = queries.query(new FindTaskSummaries(businessKeys.values().stream()
                        .map(key -> key.split("/")[0]).distinct().toList()),
                ResponseTypes.multipleInstancesOf(TaskSummary.class)).join().stream()
                .collect(Collectors.toMap(TaskSummary::taskId, Function.identity()));
        return open.stream().map(step -> {
            String[] key = businessKeys.getOrDefault(step.getProcessInstanceId(), "").split("/");
            TaskSummary task = summaries.get(key[0]);
            if (task == null || user.role() != Role.UNIT_USER && !access.supervises(task, user)) {
                return null;
            }
            return new Item(step.getId(), step.getTaskDefinitionKey(), step.getName(), task.taskId(),
                    key.length > 1 ? key[1] : null, task.planId(), task.planTitle(), task.number(), task.code(),
                    task.text(), task.leadUnit().name(), step.getDueDate() == null ? null : step.getDueDate().toInstant(),
                    step.getCreateTime().toInstant());
        }).filter(java.util.Objects::nonNull).toList();
    }
}
