package org.duban.api.plan;

import org.duban.api.reporting.ReportStatus;
import org.duban.api.task.TaskNumbers;
import org.duban.api.task.TaskStatus;

import java.time.Instant;
import java.util.List;

/**
 * A plan's state at a past moment: its status and, for every task that existed then, its status and where each
 * period's report stood.
 */
public record PlanAsOf(String planId, Instant at, PlanStatus status, List<TaskState> tasks) {

    /** @param code the task's number as the document prints it, or absent */
    public record TaskState(String taskId, int number, String code, String text, String leadUnit, TaskStatus status,
                            List<ReportState> reports) {

        public String shownNumber() {
            return TaskNumbers.shown(number, code);
        }
    }

    public record ReportState(String periodKey, ReportStatus status, int round, boolean overdue) {
    }
}
