package org.duban.api.task;

public record TaskAcknowledged(String taskId, String unitId) {
}
