package org.duban.api.reporting;

/** Where a period's report stands. */
public enum ReportStatus {
    OPEN, DRAFTED, SUBMITTED, RETURNED, ACCEPTED
}
