package org.duban.api.plan;

/** Answered with a {@link PlanSummary}; an unknown id answers with an empty optional. */
public record FindPlan(String planId) {
}
