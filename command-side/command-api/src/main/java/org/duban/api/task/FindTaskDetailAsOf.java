package org.duban.api.task;

import java.time.Instant;

/**
 * A task as it stood at a past moment, rebuilt from its events up to then: status, reports with their rounds,
 * adjustments and timeline. The task's text and units are shown as they are now.
 */
public record FindTaskDetailAsOf(String taskId, Instant at) {
}
