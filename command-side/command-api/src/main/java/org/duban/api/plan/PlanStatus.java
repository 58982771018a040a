package org.duban.api.plan;

/** Lifecycle of a plan: draft → published → in execution → closed. */
public enum PlanStatus {
    DRAFT,
    PUBLISHED,
    IN_EXECUTION,
    CLOSED
}
