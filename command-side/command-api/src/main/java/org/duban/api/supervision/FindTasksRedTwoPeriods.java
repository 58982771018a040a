package org.duban.api.supervision;

import org.duban.api.Require;

import java.time.LocalDate;

/**
 * The tasks whose status was RED at the end of each of their last two reporting periods ended before {@code today},
 * for the rule that opens a supervision case on them; answered as a list of {@link Task}. The status at a period's
 * end is the one the latest change with an as-of day on or before the period's last day set.
 */
public record FindTasksRedTwoPeriods(LocalDate today) {
    public FindTasksRedTwoPeriods {
        Require.present(today, "today");
    }

    /** A task red at the end of {@code earlierPeriodKey} and of {@code laterPeriodKey}, the later ended last. */
    public record Task(String taskId, String planId, String earlierPeriodKey, String laterPeriodKey) {
    }
}
