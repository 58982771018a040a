package org.duban.api.supervision;

import org.duban.api.Require;

/** Answered with the {@link IndicatorTrajectory} of each of the plan's indicators, in the plan's order. */
public record FindPlanTrajectories(String planId) {
    public FindPlanTrajectories {
        planId = Require.id(planId, "planId");
    }
}
