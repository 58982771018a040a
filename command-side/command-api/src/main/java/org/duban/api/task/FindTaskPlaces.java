package org.duban.api.task;

import java.util.List;

/**
 * Answered with the {@link TaskPlace} of each known task of the list: where each of thousands of tasks stands, enough
 * to sort and narrow an inbox and to keep a supervisor's office's tasks, without reading the tasks' words.
 */
public record FindTaskPlaces(List<String> taskIds) {
    public FindTaskPlaces {
        taskIds = List.copyOf(taskIds);
    }
}
