package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/**
 * Ends the self-assessment phase and starts scoring: sent by the process when every unit has submitted, or by a
 * supervisor who moves on without the missing ones (with a reason).
 */
public record CloseSelfAssessment(@TargetAggregateIdentifier String roundId, String reason) {
    public CloseSelfAssessment {
        Require.id(roundId, "roundId");
        reason = Require.optionalText(reason, "reason", Limits.REASON);
    }
}
