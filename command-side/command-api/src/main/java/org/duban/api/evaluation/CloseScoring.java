package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/**
 * Ends scoring: sent by the process when every evaluator has handed in, or by a supervisor who moves on without the
 * missing ones (with a reason). The round then reconciles divergent items, or goes to calibration.
 */
public record CloseScoring(@TargetAggregateIdentifier String roundId, String reason) {
    public CloseScoring {
        Require.id(roundId, "roundId");
        reason = Require.optionalText(reason, "reason", Limits.REASON);
    }
}
