package org.duban.api.reporting;

/** Where a period's report stands. */
public enum ReportStatus {
    OPEN, DRAFTED, SUBMITTED, RETURNED, ACCEPTED;

    /** Whether the lead unit holds the report (to write, or to write again): the only time a reminder means anything. */
    public boolean isWithUnit() {
        return this == OPEN || this == DRAFTED || this == RETURNED;
    }
}
