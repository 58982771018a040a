package org.duban.api.indicator;

import org.axonframework.serialization.Revision;
import org.duban.api.unit.UnitRef;

import java.util.List;

/**
 * Revision 1; {@code code} (the number as the document prints it) and {@code taskId} (the task that states it) were
 * added as optional fields, so indicators defined before read both as null: they show their place in the plan and
 * belong to no task.
 */
@Revision("1")
public record IndicatorDefined(String indicatorId, String planId, String sectionId, int number, String code,
                               String taskId, String name,
                               String unitOfMeasure, Baseline baseline, Target target, IndicatorAttribute attribute,
                               Direction direction, List<UnitRef> responsibleUnits, String remark) {
}
