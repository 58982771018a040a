package org.duban.api.indicator;

import org.axonframework.serialization.Revision;
import org.duban.api.unit.UnitRef;

import java.util.List;

/**
 * Revision 1; {@code code} (the number as the document prints it) and {@code taskId} (the task that states it) were
 * added as optional fields, so indicators defined before read both as null: they show their place in the plan and
 * belong to no task. {@code supervisingOffice} was added the same way: indicators defined before name no office, and
 * any supervisor of the plan's office decides on their adjustments.
 */
@Revision("1")
public record IndicatorDefined(String indicatorId, String planId, String sectionId, int number, String code,
                               String taskId, String name,
                               String unitOfMeasure, Baseline baseline, Target target, IndicatorAttribute attribute,
                               Direction direction, List<UnitRef> responsibleUnits, String remark, String supervisingOffice) {

    /** An indicator that names no supervising office. */
    public IndicatorDefined(String indicatorId, String planId, String sectionId, int number, String code, String taskId,
                            String name, String unitOfMeasure, Baseline baseline, Target target,
                            IndicatorAttribute attribute, Direction direction, List<UnitRef> responsibleUnits,
                            String remark) {
        this(indicatorId, planId, sectionId, number, code, taskId, name, unitOfMeasure, baseline, target, attribute,
                direction, responsibleUnits, remark, null);
    }
}
