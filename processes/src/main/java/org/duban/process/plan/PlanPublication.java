package org.duban.process.plan;

/** Names shared by the {@code plan-publication} BPMN model and the code that drives it. */
public final class PlanPublication {
    public static final String PROCESS_KEY = "plan-publication";
    public static final String APPROVAL_TASK = "approvePublication";
    public static final String PLAN_ID = "planId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String SUPERVISOR_GROUP = "supervisors";

    private PlanPublication() {
    }
}
