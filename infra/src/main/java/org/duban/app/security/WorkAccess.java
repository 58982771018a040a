package org.duban.app.security;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Role;
import org.duban.api.task.FindTaskDetail;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskDetail;
import org.duban.api.task.TaskSummary;
import org.duban.api.unit.UnitIds;
import org.duban.command.OfficeAuthority;
import org.duban.app.web.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Who may see and act on a task's work: its lead unit, its co-units, the supervisors of the unit that oversees its
 * plan (any supervisor while a plan has none), administrators; auditors and evaluators read. Anything else is a 403
 * that changes nothing.
 */
@Component
public class WorkAccess {
    private final QueryGateway queries;

    WorkAccess(QueryGateway queries) {
        this.queries = queries;
    }

    public static String unitIdOf(DubanUser user) {
        return user.unit() == null ? null : UnitIds.of(user.unit());
    }

    public TaskSummary task(String taskId) {
        return queries.query(new FindTaskSummaries(List.of(taskId)), ResponseTypes.multipleInstancesOf(TaskSummary.class))
                .join().stream().findFirst().orElseThrow(() -> new NotFound("task " + taskId + " does not exist"));
    }

    public TaskDetail detail(String taskId) {
        return queries.query(new FindTaskDetail(taskId), ResponseTypes.optionalInstanceOf(TaskDetail.class)).join()
                .orElseThrow(() -> new NotFound("task " + taskId + " does not exist"));
    }

    public boolean isLead(TaskSummary task, DubanUser user) {
        return user.role() == Role.UNIT_USER && task.leadUnit().unitId().equals(unitIdOf(user));
    }

    public boolean isCoUnit(TaskSummary task, DubanUser user) {
        return user.role() == Role.UNIT_USER && task.coUnits().stream().anyMatch(u -> u.unitId().equals(unitIdOf(user)));
    }

    public boolean supervises(TaskSummary task, DubanUser user) {
        return supervises(task.supervisingUnit(), user);
    }

    public static boolean supervises(String supervisingUnit, DubanUser user) {
        return OfficeAuthority.mayAct(supervisingUnit, user.role(), user.unit());
    }

    public boolean mayRead(TaskSummary task, DubanUser user) {
        return isLead(task, user) || isCoUnit(task, user) || supervises(task, user)
                || user.role() == Role.AUDITOR || user.role() == Role.EVALUATOR;
    }

    public void requireLead(TaskSummary task, DubanUser user) {
        if (!isLead(task, user)) {
            throw new AccessDeniedException("only a user of " + task.leadUnit().name() + ", the lead unit, may do this");
        }
    }

    public void requireCoUnit(TaskSummary task, DubanUser user) {
        if (!isCoUnit(task, user)) {
            throw new AccessDeniedException("only a user of a co-unit of task " + task.taskId() + " may contribute");
        }
    }

    public void requireSupervisor(TaskSummary task, DubanUser user) {
        if (!supervises(task, user)) {
            throw new AccessDeniedException("only a supervisor of " + (task.supervisingUnit() == null ? "the plan"
                    : task.supervisingUnit()) + " may do this");
        }
    }

    public void requireReader(TaskSummary task, DubanUser user) {
        if (!mayRead(task, user)) {
            throw new AccessDeniedException("task " + task.taskId() + " is not work of your unit");
        }
    }
}
