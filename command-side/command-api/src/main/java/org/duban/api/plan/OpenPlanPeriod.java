package org.duban.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/**
 * Opens a reporting period of a published plan, by its key in the plan's cadence (2026-Q4); the first opening starts
 * the plan's execution. Opening an opened period again changes nothing.
 */
public record OpenPlanPeriod(@TargetAggregateIdentifier String planId, String periodKey) {
    public OpenPlanPeriod {
        Require.id(planId, "planId");
        periodKey = Require.id(periodKey, "period");
    }
}
