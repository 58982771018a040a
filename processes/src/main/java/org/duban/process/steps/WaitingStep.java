package org.duban.process.steps;

/**
 * A step waiting on a task now.
 *
 * @param period       the reporting period, for the steps of a report
 * @param unitId       the unit whose step it is (the lead unit, or the co-unit of a contribution or confirmation);
 *                     null for the supervisors' steps
 * @param adjustmentId the adjustment a decision is about, else null
 */
public record WaitingStep(StepKind kind, String period, String unitId, String adjustmentId) {
}
