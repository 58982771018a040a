package org.duban.api.reporting;

/** Why a co-unit's contribution to a period's report ended without being given. */
public enum ContributionEnd {
    /** The report it would have fed was accepted. */
    REPORT_ACCEPTED,
    /** The period closed: its report became overdue (due date plus grace) with the contribution still outstanding. */
    PERIOD_CLOSED,
    /** The task was closed (销号). */
    TASK_CLOSED
}
