package org.duban.query.plan;

import org.duban.api.plan.PlanClosed;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanExecutionStarted;
import org.duban.api.plan.PlanPublished;
import org.duban.api.plan.PlanStatus;

import java.util.Optional;

/** The status each event of a plan moves it to: for the plan list, and for time travel, which folds a plan's events. */
public final class PlanLifecycle {
    private PlanLifecycle() {
    }

    public static Optional<PlanStatus> statusAfter(Object event) {
        if (event instanceof PlanCreated) {
            return Optional.of(PlanStatus.DRAFT);
        } else if (event instanceof PlanPublished) {
            return Optional.of(PlanStatus.PUBLISHED);
        } else if (event instanceof PlanExecutionStarted) {
            return Optional.of(PlanStatus.IN_EXECUTION);
        } else if (event instanceof PlanClosed) {
            return Optional.of(PlanStatus.CLOSED);
        }
        return Optional.empty();
    }
}
