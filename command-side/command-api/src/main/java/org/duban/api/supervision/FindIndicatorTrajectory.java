package org.duban.api.supervision;

import org.duban.api.Require;

/** Answered with an optional {@link IndicatorTrajectory}. */
public record FindIndicatorTrajectory(String indicatorId) {
    public FindIndicatorTrajectory {
        indicatorId = Require.id(indicatorId, "indicatorId");
    }
}
