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
 * @param unitOfMeasure 个, 人, %, 亿元 … or absent
 * @param attribute     expected or binding, absent when the table does not say
 */
public record DefineIndicator(@TargetAggregateIdentifier String indicatorId, String planId, String sectionId,
                              int number, String name, String unitOfMeasure, Baseline baseline, Target target,
                              IndicatorAttribute attribute, Direction direction, List<UnitRef> responsibleUnits,
                              String remark) {
    public DefineIndicator {
        Require.id(indicatorId, "indicatorId");
        Require.id(planId, "planId");
        name = text(name, "indicator name", Limits.TITLE);
        unitOfMeasure = Require.optionalText(unitOfMeasure, "unitOfMeasure", Limits.NAME);
        present(target, "target");
        direction = direction == null ? Direction.UNKNOWN : direction;
        responsibleUnits = Require.atMost(responsibleUnits, "responsibleUnits", Limits.CO_UNITS);
        remark = Require.optionalText(remark, "remark", Limits.REASON);
    }
}
