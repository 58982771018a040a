package org.duban.api.task;

/** Answered with an optional {@link TaskDetail}. */
public record FindTaskDetail(String taskId) {
}
