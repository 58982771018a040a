package org.duban.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** An administrator hands the supervision of a plan to another office (督查室), saying why. */
public record ChangePlanSupervision(@TargetAggregateIdentifier String planId, String office, String reason) {
    public ChangePlanSupervision {
        Require.id(planId, "planId");
        office = Require.text(office, "office", Limits.NAME);
        reason = Require.text(reason, "reason", Limits.REASON);
    }
}
