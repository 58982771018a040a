package org.duban.api.indicator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** A supervisor of the plan's office refuses the pending adjustment, saying why; the target in force stays. */
public record RejectIndicatorAdjustment(@TargetAggregateIdentifier String indicatorId, String adjustmentId,
                                        String reason) {
    public RejectIndicatorAdjustment {
        Require.id(indicatorId, "indicatorId");
        Require.id(adjustmentId, "adjustmentId");
        reason = Require.text(reason, "reason", Limits.REASON);
    }
}
