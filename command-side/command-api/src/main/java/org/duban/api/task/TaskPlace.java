package org.duban.api.task;

/**
 * A task's place: its plan, the office supervising the plan (null where the plan names none) and its number in the
 * plan; a {@link TaskLine} without the words.
 */
public record TaskPlace(String taskId, String planId, String planTitle, String supervisingUnit, int number) {
}
