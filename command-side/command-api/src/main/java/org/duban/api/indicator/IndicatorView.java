package org.duban.api.indicator;

import org.duban.api.task.TaskNumbers;
import org.duban.api.unit.UnitRef;

import java.util.List;

/**
 * An indicator as the plan pages show it.
 *
 * @param code   its number as the document prints it, or absent
 * @param taskId the task whose text states it, or absent
 */
public record IndicatorView(String indicatorId, String planId, int number, String code, String taskId, String name,
                            String unitOfMeasure, Baseline baseline, Target target, IndicatorAttribute attribute,
                            Direction direction, List<UnitRef> responsibleUnits, String remark) {

    /** The number a reader looks for in the document: the printed one, else the place in the plan. */
    public String shownNumber() {
        return TaskNumbers.shown(number, code);
    }
}
