package org.duban.api.supervision;

/** Why a supervision case was opened: by a supervisor's hand or by one of the configured rules. */
public enum CaseTrigger {
    MANUAL,
    /** a report overdue for the configured number of working days */
    REPORT_OVERDUE,
    /** a binding (约束性) indicator turned red */
    BINDING_INDICATOR_RED,
    /** a task red at the end of two periods in a row */
    TASK_RED_TWO_PERIODS,
    /** a low score in an evaluation round */
    EVALUATION
}
