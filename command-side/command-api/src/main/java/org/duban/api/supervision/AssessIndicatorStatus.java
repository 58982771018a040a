package org.duban.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

import java.time.LocalDate;

/**
 * Judges the indicator's on-schedule status on {@code asOf}; records {@link IndicatorStatusChanged} only when the
 * status differs from the last one. Answers whether it changed.
 */
public record AssessIndicatorStatus(@TargetAggregateIdentifier String indicatorId, LocalDate asOf, StatusRules rules) {
    public AssessIndicatorStatus {
        Require.id(indicatorId, "indicatorId");
        Require.present(asOf, "asOf");
        rules = rules == null ? StatusRules.defaults() : rules;
    }
}
