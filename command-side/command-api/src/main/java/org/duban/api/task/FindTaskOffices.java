package org.duban.api.task;

import java.util.List;

/**
 * Answered with the {@link TaskOffice} of each known task of the list: which office supervises each of thousands of
 * tasks, for the supervisors' inbox counts, without reading the tasks' lines.
 */
public record FindTaskOffices(List<String> taskIds) {
    public FindTaskOffices {
        taskIds = List.copyOf(taskIds);
    }
}
