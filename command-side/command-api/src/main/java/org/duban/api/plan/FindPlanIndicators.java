package org.duban.api.plan;

/**
 * Answered with the plan's {@link org.duban.api.indicator.IndicatorView}s in the plan's order, none for an unknown
 * plan: what a task's page needs of its plan, without reading the plan's whole tree.
 */
public record FindPlanIndicators(String planId) {
}
