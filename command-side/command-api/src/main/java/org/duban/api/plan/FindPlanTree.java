package org.duban.api.plan;

/** Answered with an optional {@link PlanTree}. */
public record FindPlanTree(String planId) {
}
