package org.duban.api.indicator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** The indicator follows its plan to the office that now supervises it (as tasks do, ChangeTaskSupervision). */
public record ChangeIndicatorSupervision(@TargetAggregateIdentifier String indicatorId, String office) {
    public ChangeIndicatorSupervision {
        Require.id(indicatorId, "indicatorId");
        office = Require.text(office, "office", Limits.NAME);
    }
}
