package org.duban.api.indicator;

import org.duban.api.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;
import org.duban.api.unit.UnitRef;

import java.util.List;

import static org.duban.api.Require.present;
import static org.duban.api.Require.text;

/**
 * Defines an indicator (指标) of a plan.
 *
 * @param number        its place in the plan's indicator table (序号), from 1
 * @param code          its number as the document prints it (序号 "3", "（二）"), or absent
 * @param taskId        the task whose text states it (plans written as text), or absent. It must be a task of the
 *                      same plan: tasks are aggregates of their own, so this aggregate cannot see them, and the
 *                      rule is kept by the one sender of this command, the importer, which defines an indicator
 *                      only after the plan's tasks and links it to one of the ids it has just created.
 * @param unitOfMeasure 个, 人, %, 亿元 … or absent
 * @param attribute     expected or binding, absent when the table does not say
 * @param supervisingOffice the office that supervises the plan, which decides on adjustments of the target; absent
 *                      for indicators defined before indicators named it
 */
public record DefineIndicator(@TargetAggregateIdentifier String indicatorId, String planId, String sectionId,
                              int number, String code, String taskId, String name, String unitOfMeasure,
                              Baseline baseline, Target target, IndicatorAttribute attribute, Direction direction,
                              List<UnitRef> responsibleUnits, String remark, String supervisingOffice) {
    public DefineIndicator {
        Require.id(indicatorId, "indicatorId");
        Require.id(planId, "planId");
        code = Require.optionalText(code, "code", Limits.ID);
        taskId = taskId == null || taskId.isBlank() ? null : Require.id(taskId, "taskId");
        name = text(name, "indicator name", Limits.TITLE);
        unitOfMeasure = Require.optionalText(unitOfMeasure, "unitOfMeasure", Limits.NAME);
        present(target, "target");
        direction = direction == null ? Direction.UNKNOWN : direction;
        responsibleUnits = Require.atMost(responsibleUnits, "responsibleUnits", Limits.CO_UNITS);
        remark = Require.optionalText(remark, "remark", Limits.REASON);
        supervisingOffice = Require.optionalText(supervisingOffice, "supervisingOffice", Limits.NAME);
    }

    /** An indicator whose office is not named; any supervisor of the plan's office decides on its adjustments. */
    public DefineIndicator(String indicatorId, String planId, String sectionId, int number, String code, String taskId,
                           String name, String unitOfMeasure, Baseline baseline, Target target,
                           IndicatorAttribute attribute, Direction direction, List<UnitRef> responsibleUnits,
                           String remark) {
        this(indicatorId, planId, sectionId, number, code, taskId, name, unitOfMeasure, baseline, target, attribute,
                direction, responsibleUnits, remark, null);
    }
}
