package org.duban.api.reporting;

/** How far a task has come, as the lead unit reports it. */
public enum CompletionStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED, BEHIND_SCHEDULE
}
