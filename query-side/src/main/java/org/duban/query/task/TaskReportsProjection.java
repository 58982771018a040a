package org.duban.query.task;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.MetadataKeys;
import org.duban.api.reporting.ContributionClosed;
import org.duban.api.reporting.ContributionSubmitted;
import org.duban.api.reporting.FindTasksCitingEvidence;
import org.duban.api.reporting.FindTasksReporting;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportDrafted;
import org.duban.api.reporting.ReportEscalated;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportReminded;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.reporting.ReportStatus;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.query.ProjectionTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static java.sql.Timestamp.from;
import static org.duban.query.task.StoredJson.json;

/**
 * Each period's progress report of a task: its status, every review round, and the co-units' contributions, given or
 * closed without one.
 */
@Component
@ProcessingGroup(TaskReportsProjection.PROCESSING_GROUP)
@ProjectionTables({"task_contribution_closed", "task_contribution", "task_report_round", "task_report"})
class TaskReportsProjection {
    static final String PROCESSING_GROUP = "task-reports";

    private final JdbcTemplate jdbc;

    /** @param jdbc the live views, or a scratch database that time travel replays into */
    TaskReportsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReportingPeriodOpened event, @Timestamp Instant at) {
        jdbc.update("insert into task_report (task_id, period_key, plan_id, period_start, period_end, due_on, overdue_on, "
                        + "status, round, overdue, escalated, reminders, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, false, false, 0, ?)",
                event.taskId(), event.period().key(), event.planId(), event.period().start(), event.period().end(),
                event.dueOn(), event.overdueOn(), ReportStatus.OPEN.name(), from(at));
    }

    /** A contribution's and a round's row id is the id of the event that created it, so a rebuild reproduces it. */
    @EventHandler
    void on(ContributionSubmitted event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        jdbc.update("insert into task_contribution (id, task_id, period_key, unit_id, text, evidence, submitted_by, submitted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", eventId, event.taskId(), event.periodKey(),
                event.unitId(), event.text(), json(event.evidence()), user, from(at));
    }

    @EventHandler
    void on(ContributionClosed event, @Timestamp Instant at) {
        jdbc.update("insert into task_contribution_closed (task_id, period_key, unit_id, cause, closed_at) values (?, ?, ?, ?, ?)",
                event.taskId(), event.periodKey(), event.unitId(), event.cause().name(), from(at));
    }

    @EventHandler
    void on(ReportDrafted event, @Timestamp Instant at) {
        jdbc.update("update task_report set draft = ?, status = case when status = 'OPEN' then 'DRAFTED' else status end, "
                + "updated_at = ? where task_id = ? and period_key = ?", json(event.content()), from(at),
                event.taskId(), event.periodKey());
    }

    @EventHandler
    void on(ReportSubmitted event, @MessageIdentifier String eventId, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        report(event.taskId(), event.periodKey(), ReportStatus.SUBMITTED, event.round(), at);
        jdbc.update("update task_report set draft = null where task_id = ? and period_key = ?", event.taskId(), event.periodKey());
        jdbc.update("insert into task_report_round (id, task_id, period_key, round, content, submitted_by, submitted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", eventId, event.taskId(), event.periodKey(),
                event.round(), json(event.content()), user, from(at));
    }

    @EventHandler
    void on(ReportReturned event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        report(event.taskId(), event.periodKey(), ReportStatus.RETURNED, event.round(), at);
        round(event.taskId(), event.periodKey(), event.round(), "RETURNED", event.reason(), user, at);
    }

    @EventHandler
    void on(ReportAccepted event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        report(event.taskId(), event.periodKey(), ReportStatus.ACCEPTED, event.round(), at);
        round(event.taskId(), event.periodKey(), event.round(), "ACCEPTED", event.comment(), user, at);
    }

    @EventHandler
    void on(ReportReminded event) {
        jdbc.update("update task_report set reminders = reminders + 1 where task_id = ? and period_key = ?",
                event.taskId(), event.periodKey());
    }

    @EventHandler
    void on(ReportMarkedOverdue event) {
        jdbc.update("update task_report set overdue = true where task_id = ? and period_key = ?", event.taskId(), event.periodKey());
    }

    @EventHandler
    void on(ReportEscalated event) {
        jdbc.update("update task_report set escalated = true where task_id = ? and period_key = ?", event.taskId(), event.periodKey());
    }

    private void report(String taskId, String periodKey, ReportStatus status, int round, Instant at) {
        jdbc.update("update task_report set status = ?, round = ?, updated_at = ? where task_id = ? and period_key = ?",
                status.name(), round, from(at), taskId, periodKey);
    }

    private void round(String taskId, String periodKey, int round, String outcome, String reason, String user, Instant at) {
        jdbc.update("update task_report_round set outcome = ?, reason = ?, decided_by = ?, decided_at = ? "
                + "where task_id = ? and period_key = ? and round = ?", outcome, reason, user, from(at),
                taskId, periodKey, round);
    }

    @ResetHandler
    void reset() {
        for (String table : TaskReportsProjection.class.getAnnotation(ProjectionTables.class).value()) {
            jdbc.update("delete from " + table);
        }
    }

    @QueryHandler
    List<String> handle(FindTasksCitingEvidence query) {
        // references are stored as JSON; an evidence id is a UUID, so the pattern cannot match by accident
        String cited = "%\"evidenceId\":\"" + query.evidenceId() + "\"%";
        return jdbc.queryForList("select task_id from task_report_round where content like ? "
                + "union select task_id from task_report where draft like ? "
                + "union select task_id from task_contribution where evidence like ?", String.class, cited, cited, cited);
    }

    @QueryHandler
    List<String> handle(FindTasksReporting query) {
        return jdbc.queryForList("select task_id from task_report where plan_id = ? and period_key = ?", String.class,
                query.planId(), query.periodKey());
    }
}
