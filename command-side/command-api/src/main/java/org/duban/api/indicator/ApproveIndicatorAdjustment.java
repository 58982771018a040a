package org.duban.api.indicator;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/**
 * A supervisor of the plan's office approves the pending adjustment; the proposed target is in force from then on.
 *
 * @param approvalDocument the approving body's document (批复文号) — required for a binding (约束性) indicator, which
 *                         changes only with the approval of the body that approved the plan; optional otherwise
 */
public record ApproveIndicatorAdjustment(@TargetAggregateIdentifier String indicatorId, String adjustmentId,
                                         String reason, String approvalDocument) {
    public ApproveIndicatorAdjustment {
        Require.id(indicatorId, "indicatorId");
        Require.id(adjustmentId, "adjustmentId");
        reason = Require.optionalText(reason, "reason", Limits.REASON);
        approvalDocument = Require.optionalText(approvalDocument, "approvalDocument", Limits.NAME);
    }
}
