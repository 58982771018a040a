package org.duban.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static org.duban.api.Require.text;

/** Closes a plan; nothing more happens under a closed plan. */
public record ClosePlan(@TargetAggregateIdentifier String planId) {
    public ClosePlan {
        text(planId, "planId");
    }
}
