package org.duban.api.task;

/** Where a task stands: created with its plan, assigned on publication, acknowledged (in execution), closed. */
public enum TaskStatus {
    CREATED, ASSIGNED, ADJUSTMENT_REQUESTED, ACKNOWLEDGED, CLOSED
}
