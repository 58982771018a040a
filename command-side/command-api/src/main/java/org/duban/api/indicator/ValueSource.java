package org.duban.api.indicator;

/** Where a recorded indicator value came from. */
public enum ValueSource {
    /** an accepted progress report of the responsible unit */
    REPORT,
    /** entered or corrected by a supervisor */
    SUPERVISOR
}
