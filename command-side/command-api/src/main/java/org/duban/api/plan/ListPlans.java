package org.duban.api.plan;

/** Answered with every {@link PlanSummary}, newest first. */
public record ListPlans() {
}
