package org.duban.api.reporting;

import java.util.List;

/** Answered with a {@link ReturnedReport} for each report of these tasks that is back with its unit, for inboxes. */
public record FindReturnedReports(List<String> taskIds) {
    public FindReturnedReports {
        taskIds = List.copyOf(taskIds);
    }
}
