package org.duban.app.task;

import org.duban.app.security.WorkAccess;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Role;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskNumbers;
import org.duban.api.task.TaskSummary;
import org.duban.app.security.DubanUser;
import org.duban.process.steps.OpenStep;
import org.duban.process.steps.WaitingSteps;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 我的待办: the open steps of the user's unit (or, for supervisors, of the supervisors on the plans their office
 * oversees), as the workflow answers them, enriched from the projections in one query.
 */
@Component
public class Inbox {
    private final WaitingSteps waiting;
    private final QueryGateway queries;
    private final WorkAccess access;

    Inbox(WaitingSteps waiting, QueryGateway queries, WorkAccess access) {
        this.waiting = waiting;
        this.queries = queries;
        this.access = access;
    }

    /**
     * @param step   the kind of work: acknowledgeTask, confirmPart, decideAdjustment, contribute, writeReport,
     *               reviewReport, handleEscalation
     * @param period the reporting period, for report steps
     * @param code   the task's number as the document prints it, or absent
     */
    public record Item(String userTaskId, String step, String stepName, String taskId, String period, String planId,
                       String planTitle, int number, String code, String text, String leadUnit, Instant due,
                       Instant created) {

        public String shownNumber() {
            return TaskNumbers.shown(number, code);
        }
    }

    public List<Item> of(DubanUser user) {
        String unitId = WorkAccess.unitIdOf(user);
        List<OpenStep> open = user.role() == Role.UNIT_USER ? unitId == null ? List.of() : waiting.ofUnit(unitId)
                : user.role() == Role.SUPERVISOR || user.role() == Role.ADMIN ? waiting.ofSupervisors() : List.of();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<String, TaskSummary> summaries = queries.query(new FindTaskSummaries(open.stream().map(OpenStep::taskId)
                        .distinct().toList()), ResponseTypes.multipleInstancesOf(TaskSummary.class)).join().stream()
                .collect(Collectors.toMap(TaskSummary::taskId, Function.identity()));
        return open.stream().map(step -> {
            TaskSummary task = summaries.get(step.taskId());
            if (task == null || user.role() != Role.UNIT_USER && !access.supervises(task, user)) {
                return null;
            }
            return new Item(step.userTaskId(), step.kind().key(), step.name(), task.taskId(), step.period(),
                    task.planId(), task.planTitle(), task.number(), task.code(), task.text(), task.leadUnit().name(),
                    step.due(), step.created());
        }).filter(Objects::nonNull).toList();
    }
}
