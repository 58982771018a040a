package org.duban.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.unit.UnitRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.duban.api.Require.present;

/**
 * Creates one concrete task (具体任务) of a plan. The first listed unit leads (牵头单位); the others are co-units
 * (配合单位). A co-unit that is also the lead, or listed twice, is listed once.
 *
 * @param planPeriod        the plan's years, within which its due dates fall
 * @param supervisingOffice the office (督查室) whose supervisors review and remind
 * @param number the task's place in the plan, from 1, as the decomposition table orders them
 * @param code   the task's number as the document prints it (序号 "12", "（三）", "1."), or absent
 */
public record CreateTask(@TargetAggregateIdentifier String taskId, String planId, String sectionId, int number,
                         String code, String text, UnitRef leadUnit, List<UnitRef> coUnits, LocalDate dueDate, String remark,
                         PlanPeriod planPeriod, String supervisingOffice) {
    public CreateTask {
        Require.id(taskId, "taskId");
        Require.id(planId, "planId");
        code = Require.optionalText(code, "code", Limits.ID);
        text = Require.text(text, "task text", Limits.TASK_TEXT);
        present(leadUnit, "lead unit");
        if (number < 1) {
            throw new IllegalArgumentException("task number must be at least 1, not " + number);
        }
        List<UnitRef> distinct = new ArrayList<>();
        for (UnitRef unit : Require.atMost(coUnits, "coUnits", Limits.CO_UNITS)) {
            if (!unit.unitId().equals(leadUnit.unitId()) && distinct.stream().noneMatch(u -> u.unitId().equals(unit.unitId()))) {
                distinct.add(unit);
            }
        }
        coUnits = List.copyOf(distinct);
        remark = Require.optionalText(remark, "remark", Limits.REASON);
        present(planPeriod, "plan period");
        supervisingOffice = Require.text(supervisingOffice, "supervisingOffice", Limits.NAME);
        if (dueDate != null && (dueDate.getYear() < planPeriod.startYear() || dueDate.getYear() > planPeriod.endYear())) {
            throw new IllegalArgumentException("due date " + dueDate + " is outside the plan's period " + planPeriod);
        }
    }
}
