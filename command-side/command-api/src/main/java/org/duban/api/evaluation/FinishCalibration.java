package org.duban.api.evaluation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** Ends calibration; the results wait to be published. */
public record FinishCalibration(@TargetAggregateIdentifier String roundId) {
    public FinishCalibration {
        Require.id(roundId, "roundId");
    }
}
