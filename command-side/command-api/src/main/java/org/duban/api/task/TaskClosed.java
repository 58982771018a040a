package org.duban.api.task;

public record TaskClosed(String taskId, String reason) {
}
