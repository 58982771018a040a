package org.duban.api.supervision;

import org.duban.api.Require;

import java.time.LocalDate;

/** Answered with the plan's {@link PlanBoard} as it stands on {@code asOf} (ages and days overdue count to it). */
public record FindPlanBoard(String planId, LocalDate asOf) {
    public FindPlanBoard {
        planId = Require.id(planId, "planId");
        Require.present(asOf, "asOf");
    }
}
