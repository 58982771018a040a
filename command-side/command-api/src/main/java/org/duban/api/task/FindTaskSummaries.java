package org.duban.api.task;

import java.util.List;

/** Answered with the {@link TaskSummary} of each known task of the list, for inboxes. */
public record FindTaskSummaries(List<String> taskIds) {
    public FindTaskSummaries {
        taskIds = List.copyOf(taskIds);
    }
}
