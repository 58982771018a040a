package org.duban.api.plan;

import org.duban.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static org.duban.api.Require.text;

/** A published plan goes into execution; its tasks are then reported on. */
public record StartPlanExecution(@TargetAggregateIdentifier String planId) {
    public StartPlanExecution {
        Require.id(planId, "planId");
    }
}
