package org.duban.api.reporting;

/** How far a plan's tasks have come: acknowledged, and each opened period's reports by status; answers a {@link PlanProgress}. */
public record FindPlanProgress(String planId) {
}
