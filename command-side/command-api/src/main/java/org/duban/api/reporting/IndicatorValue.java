package org.duban.api.reporting;

import org.duban.api.Limits;
import org.duban.api.Require;

/** The value a report gives for one of the plan's indicators, as written (e.g. 12, 13—15, 85%). */
public record IndicatorValue(String indicatorId, String value) {
    public IndicatorValue {
        Require.id(indicatorId, "indicatorId");
        value = Require.text(value, "indicator value", Limits.VALUE);
    }
}
