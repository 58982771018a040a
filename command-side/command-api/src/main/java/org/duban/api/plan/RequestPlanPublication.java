package org.duban.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/** A supervisor of the plan's office asks for the draft plan to be published (提请下达); approval follows. */
public record RequestPlanPublication(@TargetAggregateIdentifier String planId) {
    public RequestPlanPublication {
        Require.id(planId, "planId");
    }
}
