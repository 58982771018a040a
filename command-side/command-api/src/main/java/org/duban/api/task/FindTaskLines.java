package org.duban.api.task;

import java.util.List;

/**
 * Answered with the {@link TaskLine} of each known task of the list: what an inbox shows of thousands of tasks,
 * without the work and co-units a {@link TaskSummary} reads too.
 */
public record FindTaskLines(List<String> taskIds) {
    public FindTaskLines {
        taskIds = List.copyOf(taskIds);
    }
}
