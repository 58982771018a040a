package org.duban.api.reporting;

import java.util.List;

/**
 * Answered with a {@link ReturnedReport} for each report of these tasks that is back with its unit, for inboxes.
 *
 * @param taskIds the tasks, or null for every task ({@link #ofEveryTask()})
 */
public record FindReturnedReports(List<String> taskIds) {
    public FindReturnedReports {
        taskIds = taskIds == null ? null : List.copyOf(taskIds);
    }

    /** Every report back with its unit: few beside all the reports, so an inbox's counts ask for them all. */
    public static FindReturnedReports ofEveryTask() {
        return new FindReturnedReports(null);
    }
}
