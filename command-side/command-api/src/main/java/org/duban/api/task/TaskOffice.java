package org.duban.api.task;

/** A task and the office supervising its plan (null where the plan names none). */
public record TaskOffice(String taskId, String supervisingUnit) {
}
