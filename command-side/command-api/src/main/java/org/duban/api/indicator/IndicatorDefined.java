package org.duban.api.indicator;

import org.axonframework.serialization.Revision;
import org.duban.api.unit.UnitRef;

import java.util.List;

@Revision("1")
public record IndicatorDefined(String indicatorId, String planId, String sectionId, int number, String name,
                               String unitOfMeasure, Baseline baseline, Target target, IndicatorAttribute attribute,
                               Direction direction, List<UnitRef> responsibleUnits, String remark) {
}
