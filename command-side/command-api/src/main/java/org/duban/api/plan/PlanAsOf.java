package org.duban.api.plan;

import org.duban.api.reporting.ReportStatus;
import org.duban.api.task.TaskStatus;

import java.time.Instant;
import java.util.List;

/**
 * A plan's state at a past moment: its status and, for every task that existed then, its status and where each
 * period's report stood.
 */
public record PlanAsOf(String planId, Instant at, PlanStatus status, List<TaskState> tasks) {

    public record TaskState(String taskId, int number, String text, String leadUnit, TaskStatus status,
                            List<ReportState> reports) {
    }

    public record ReportState(String periodKey, ReportStatus status, int round, boolean overdue) {
    }
}
