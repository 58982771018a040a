package org.duban.api.plan;

import org.duban.api.Require;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static org.duban.api.Require.text;

/** Publishes (下达) a draft plan; publishing a published plan changes nothing. */
public record PublishPlan(@TargetAggregateIdentifier String planId) {
    public PublishPlan {
        Require.id(planId, "planId");
    }
}
