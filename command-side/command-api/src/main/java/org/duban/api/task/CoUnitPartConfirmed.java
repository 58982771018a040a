package org.duban.api.task;

/** A co-unit has taken note of its part in the task. */
public record CoUnitPartConfirmed(String taskId, String unitId) {
}
