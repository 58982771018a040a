package org.duban.api.supervision;

import java.util.Map;

/** The current status of each assessed task, by task id; a task not assessed yet is absent. */
public record TaskStatuses(Map<String, RagStatus> byTask) {
    public TaskStatuses {
        byTask = Map.copyOf(byTask);
    }

    public RagStatus of(String taskId) {
        return byTask.get(taskId);
    }
}
