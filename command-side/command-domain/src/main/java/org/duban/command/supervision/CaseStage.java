package org.duban.command.supervision;

/** Where a supervision case stands; a rejected result goes back to {@link #RECTIFYING}. */
public enum CaseStage {
    /** the notice waits for the unit's rectification plan */
    AWAITING_PLAN,
    /** the unit carries out its plan */
    RECTIFYING,
    /** the result waits for the supervisors' verification */
    RESULT_SUBMITTED,
    /** verified and closed (销号) */
    CLOSED_OUT
}
