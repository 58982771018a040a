package org.duban.api.indicator;

import org.duban.api.unit.UnitRef;

import java.util.List;

/** An indicator as the plan pages show it. */
public record IndicatorView(String indicatorId, String planId, int number, String name, String unitOfMeasure,
                            Baseline baseline, Target target, IndicatorAttribute attribute, Direction direction,
                            List<UnitRef> responsibleUnits, String remark) {
}
