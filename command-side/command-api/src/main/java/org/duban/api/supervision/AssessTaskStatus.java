package org.duban.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

import java.time.LocalDate;
import java.util.List;

/**
 * Judges the task's on-schedule status on {@code asOf}; records {@link TaskStatusChanged} only when the status
 * differs from the last one. Answers whether it changed.
 *
 * @param openNotices the grades of the task's supervision cases not closed out, one per case
 */
public record AssessTaskStatus(@TargetAggregateIdentifier String taskId, LocalDate asOf, List<NoticeGrade> openNotices,
                               StatusRules rules) {
    public AssessTaskStatus {
        Require.id(taskId, "taskId");
        Require.present(asOf, "asOf");
        openNotices = Require.atMost(openNotices, "openNotices", 1_000);
        rules = rules == null ? StatusRules.defaults() : rules;
    }
}
