package org.duban.api.indicator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/**
 * A responsible unit, or a supervisor of the plan's office, asks to change the indicator's target (动态调整) with a
 * reason. The proposal is read here as {@link Target#parse} reads a target cell, so one not understood is refused
 * naming the value; the indicator reads it again in the year of the target in force.
 *
 * @param unitId the unit asking: a responsible unit of the indicator, or the supervisor's office
 */
public record RequestIndicatorAdjustment(@TargetAggregateIdentifier String indicatorId, String unitId,
                                         String adjustmentId, String proposedTarget, String reason) {
    public RequestIndicatorAdjustment {
        Require.id(indicatorId, "indicatorId");
        Require.text(unitId, "unitId", Limits.NAME);
        Require.id(adjustmentId, "adjustmentId");
        proposedTarget = Require.text(proposedTarget, "proposedTarget", Limits.VALUE);
        reason = Require.text(reason, "reason", Limits.REASON);
        try {
            Target.parse(null, proposedTarget);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("proposedTarget: " + e.getMessage(), e);
        }
    }
}
