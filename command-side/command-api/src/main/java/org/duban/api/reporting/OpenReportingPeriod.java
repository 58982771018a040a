package org.duban.api.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

import java.time.LocalDate;

/** Opens a period's report for an acknowledged task: due on {@code dueOn}, overdue from {@code overdueOn}. */
public record OpenReportingPeriod(@TargetAggregateIdentifier String taskId, ReportingPeriod period, LocalDate dueOn,
                                  LocalDate overdueOn) {
    public OpenReportingPeriod {
        Require.id(taskId, "taskId");
        Require.present(period, "period");
        Require.present(dueOn, "dueOn");
        Require.present(overdueOn, "overdueOn");
        if (overdueOn.isBefore(dueOn)) {
            throw new IllegalArgumentException("overdueOn " + overdueOn + " is before dueOn " + dueOn);
        }
    }
}
