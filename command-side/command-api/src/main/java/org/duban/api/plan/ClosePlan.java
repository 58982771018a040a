package org.duban.api.plan;

import org.duban.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static org.duban.api.Require.text;

/** Closes a plan; nothing more happens under a closed plan. */
public record ClosePlan(@TargetAggregateIdentifier String planId) {
    public ClosePlan {
        Require.id(planId, "planId");
    }
}
