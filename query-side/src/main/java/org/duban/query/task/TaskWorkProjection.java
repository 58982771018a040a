package org.duban.query.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.MetadataKeys;
import org.duban.query.audit.AuditTrail;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.ContributionSubmitted;
import org.duban.api.reporting.FindReportingCadence;
import org.duban.api.reporting.FindTasksCitingEvidence;
import org.duban.api.reporting.FindTasksReporting;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportDrafted;
import org.duban.api.reporting.ReportEscalated;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportReminded;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.reporting.ReportStatus;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.FindTaskDetail;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskAdjustmentApproved;
import org.duban.api.task.TaskAdjustmentRejected;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.api.task.TaskAssigned;
import org.duban.api.task.TaskClosed;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskDetail;
import org.duban.api.task.TaskStatus;
import org.duban.api.task.TaskSummary;
import org.duban.api.unit.UnitRef;
import org.duban.query.ProjectionTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The workflow views of tasks: status, each period's report with every review round, the co-units' contributions,
 * adjustments, and the timeline of every event of the task with who, when, why and through which process step.
 */
@Component
@ProcessingGroup(TaskWorkProjection.PROCESSING_GROUP)
@ProjectionTables({"task_contribution", "task_report_round", "task_report", "task_adjustment", "task_work", "plan_cadence"})
class TaskWorkProjection {
    static final String PROCESSING_GROUP = "task-work";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JdbcTemplate jdbc;
    private final AuditTrail trail;
    private final NamedParameterJdbcTemplate named;

    TaskWorkProjection(JdbcTemplate jdbc, AuditTrail trail) {
        this.jdbc = jdbc;
        this.trail = trail;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    // --- task status and adjustments ------------------------------------------------------------------------

    @EventHandler
    void on(TaskCreated event) {
        jdbc.update("insert into task_work (task_id, plan_id, status) values (?, ?, ?)", event.taskId(), event.planId(),
                TaskStatus.CREATED.name());
    }

    @EventHandler
    void on(TaskAssigned event) {
        jdbc.update("update task_work set status = ?, acknowledge_by = ? where task_id = ?", TaskStatus.ASSIGNED.name(),
                event.acknowledgeBy(), event.taskId());
    }

    @EventHandler
    void on(TaskAcknowledged event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("update task_work set status = ?, acknowledged_at = ? where task_id = ?",
                TaskStatus.ACKNOWLEDGED.name(), Timestamp.from(at), event.taskId());
    }

    @EventHandler
    void on(TaskAdjustmentRequested event, @org.axonframework.eventhandling.Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        jdbc.update("update task_work set status = ? where task_id = ?", TaskStatus.ADJUSTMENT_REQUESTED.name(), event.taskId());
        jdbc.update("insert into task_adjustment (adjustment_id, task_id, kind, proposal, reason, requested_by, requested_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", event.adjustmentId(), event.taskId(), event.kind().name(),
                event.proposal(), event.reason(), user, Timestamp.from(at));
    }

    @EventHandler
    void on(TaskAdjustmentApproved event, @org.axonframework.eventhandling.Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        decided(event.taskId(), event.adjustmentId(), "APPROVED", event.reason(), user, at);
    }

    @EventHandler
    void on(TaskAdjustmentRejected event, @org.axonframework.eventhandling.Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        decided(event.taskId(), event.adjustmentId(), "REJECTED", event.reason(), user, at);
    }

    private void decided(String taskId, String adjustmentId, String outcome, String reason, String user, Instant at) {
        jdbc.update("update task_work set status = ? where task_id = ?", TaskStatus.ASSIGNED.name(), taskId);
        jdbc.update("update task_adjustment set outcome = ?, decision_reason = ?, decided_by = ?, decided_at = ? "
                + "where adjustment_id = ?", outcome, reason, user, Timestamp.from(at), adjustmentId);
    }

    @EventHandler
    void on(TaskClosed event) {
        jdbc.update("update task_work set status = ?, closed_reason = ? where task_id = ?", TaskStatus.CLOSED.name(),
                event.reason(), event.taskId());
    }

    // --- reports --------------------------------------------------------------------------------------------

    @EventHandler
    void on(ReportingCadenceSet event) {
        jdbc.update("delete from plan_cadence where plan_id = ?", event.planId());
        jdbc.update("insert into plan_cadence (plan_id, cadence, due_day, grace_working_days) values (?, ?, ?, ?)",
                event.planId(), event.cadence().name(), event.dueDay(), event.graceWorkingDays());
    }

    @QueryHandler
    Optional<ReportingCadenceSet> handle(FindReportingCadence query) {
        return jdbc.query("select * from plan_cadence where plan_id = ?", (rs, n) -> new ReportingCadenceSet(
                rs.getString("plan_id"), Cadence.valueOf(rs.getString("cadence")), rs.getInt("due_day"),
                rs.getInt("grace_working_days")), query.planId()).stream().findFirst();
    }

    @EventHandler
    void on(ReportingPeriodOpened event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("insert into task_report (task_id, period_key, plan_id, period_start, period_end, due_on, overdue_on, "
                        + "status, round, overdue, escalated, reminders, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, false, false, 0, ?)",
                event.taskId(), event.period().key(), event.planId(), event.period().start(), event.period().end(),
                event.dueOn(), event.overdueOn(), ReportStatus.OPEN.name(), Timestamp.from(at));
    }

    /** A contribution's and a round's row id is the id of the event that created it, so a rebuild reproduces it. */
    @EventHandler
    void on(ContributionSubmitted event, @MessageIdentifier String eventId, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        jdbc.update("insert into task_contribution (id, task_id, period_key, unit_id, text, evidence, submitted_by, submitted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", eventId, event.taskId(), event.periodKey(),
                event.unitId(), event.text(), json(event.evidence()), user, Timestamp.from(at));
    }

    @EventHandler
    void on(ReportDrafted event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("update task_report set draft = ?, status = case when status = 'OPEN' then 'DRAFTED' else status end, "
                + "updated_at = ? where task_id = ? and period_key = ?", json(event.content()), Timestamp.from(at),
                event.taskId(), event.periodKey());
    }

    @EventHandler
    void on(ReportSubmitted event, @MessageIdentifier String eventId, @org.axonframework.eventhandling.Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        report(event.taskId(), event.periodKey(), ReportStatus.SUBMITTED, event.round(), at);
        jdbc.update("update task_report set draft = null where task_id = ? and period_key = ?", event.taskId(), event.periodKey());
        jdbc.update("insert into task_report_round (id, task_id, period_key, round, content, submitted_by, submitted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", eventId, event.taskId(), event.periodKey(),
                event.round(), json(event.content()), user, Timestamp.from(at));
    }

    @EventHandler
    void on(ReportReturned event, @org.axonframework.eventhandling.Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        report(event.taskId(), event.periodKey(), ReportStatus.RETURNED, event.round(), at);
        round(event.taskId(), event.periodKey(), event.round(), "RETURNED", event.reason(), user, at);
    }

    @EventHandler
    void on(ReportAccepted event, @org.axonframework.eventhandling.Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
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
                status.name(), round, Timestamp.from(at), taskId, periodKey);
    }

    private void round(String taskId, String periodKey, int round, String outcome, String reason, String user, Instant at) {
        jdbc.update("update task_report_round set outcome = ?, reason = ?, decided_by = ?, decided_at = ? "
                + "where task_id = ? and period_key = ? and round = ?", outcome, reason, user, Timestamp.from(at),
                taskId, periodKey, round);
    }

    @ResetHandler
    void reset() {
        for (String table : TaskWorkProjection.class.getAnnotation(ProjectionTables.class).value()) {
            jdbc.update("delete from " + table);
        }
    }

    // --- queries --------------------------------------------------------------------------------------------

    private static final String SUMMARY_SELECT = "select t.task_id, t.plan_id, p.title, p.supervising_unit, t.number, t.code, t.text, "
            + "t.lead_unit_id, t.lead_unit_name, w.status, w.acknowledge_by, t.section_id from plan_task t "
            + "join plan_summary p on p.plan_id = t.plan_id left join task_work w on w.task_id = t.task_id ";

    /** Removes one task's rows, so that its events can be replayed from the start (see {@link TaskHistory}). */
    void forget(String taskId) {
        // every table of this projection but the plans' cadences is kept per task
        for (String table : TaskWorkProjection.class.getAnnotation(ProjectionTables.class).value()) {
            if (table.startsWith("task_")) {
                jdbc.update("delete from " + table + " where task_id = ?", taskId);
            }
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

    @QueryHandler
    List<TaskSummary> handle(FindTaskSummaries query) {
        if (query.taskIds().isEmpty()) {
            return List.of();
        }
        return named.query(SUMMARY_SELECT + "where t.task_id in (:ids) order by t.plan_id, t.number",
                new MapSqlParameterSource("ids", query.taskIds()), (rs, n) -> summary(rs));
    }

    @QueryHandler
    Optional<TaskDetail> handle(FindTaskDetail query) {
        List<TaskDetail> found = jdbc.query(SUMMARY_SELECT + "where t.task_id = ?", (rs, n) -> {
            TaskSummary summary = summary(rs);
            String sectionId = rs.getString("section_id");
            return new TaskDetail(summary, heading(sectionId), reports(summary.taskId()), adjustments(summary.taskId()),
                    timeline(summary.taskId()));
        }, query.taskId());
        return found.stream().findFirst();
    }

    private TaskSummary summary(ResultSet rs) throws SQLException {
        String taskId = rs.getString("task_id");
        List<UnitRef> coUnits = jdbc.query("select unit_id, unit_name from plan_task_co_unit where task_id = ? order by position",
                (r, n) -> new UnitRef(r.getString(1), r.getString(2)), taskId);
        String status = rs.getString("status");
        return new TaskSummary(taskId, rs.getString("plan_id"), rs.getString("title"), rs.getString("supervising_unit"),
                rs.getInt("number"), rs.getString("code"), rs.getString("text"),
                new UnitRef(rs.getString("lead_unit_id"), rs.getString("lead_unit_name")), coUnits, status == null ? TaskStatus.CREATED : TaskStatus.valueOf(status), date(rs, "acknowledge_by"));
    }

    private String heading(String sectionId) {
        if (sectionId == null) {
            return "";
        }
        return jdbc.query("select code, title from plan_section where section_id = ?",
                (rs, n) -> (rs.getString(1) == null ? "" : rs.getString(1)) + rs.getString(2), sectionId)
                .stream().findFirst().orElse("");
    }

    private List<TaskDetail.Report> reports(String taskId) {
        return jdbc.query("select * from task_report where task_id = ? order by period_start", (rs, n) -> {
            String period = rs.getString("period_key");
            return new TaskDetail.Report(period, date(rs, "period_start"), date(rs, "period_end"), date(rs, "due_on"),
                    date(rs, "overdue_on"), ReportStatus.valueOf(rs.getString("status")), rs.getInt("round"),
                    rs.getBoolean("overdue"), rs.getBoolean("escalated"), rs.getInt("reminders"),
                    read(rs.getString("draft"), ReportContent.class), rounds(taskId, period), contributions(taskId, period));
        }, taskId);
    }

    private List<TaskDetail.Round> rounds(String taskId, String period) {
        return jdbc.query("select * from task_report_round where task_id = ? and period_key = ? order by round",
                (rs, n) -> new TaskDetail.Round(rs.getInt("round"), read(rs.getString("content"), ReportContent.class),
                        rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getString("outcome"),
                        rs.getString("reason"), rs.getString("decided_by"), instant(rs, "decided_at")), taskId, period);
    }

    private List<TaskDetail.Contribution> contributions(String taskId, String period) {
        return jdbc.query("select * from task_contribution where task_id = ? and period_key = ? order by submitted_at",
                (rs, n) -> new TaskDetail.Contribution(rs.getString("unit_id"), rs.getString("text"),
                        readList(rs.getString("evidence")), rs.getString("submitted_by"), instant(rs, "submitted_at")),
                taskId, period);
    }

    private List<TaskDetail.Adjustment> adjustments(String taskId) {
        return jdbc.query("select * from task_adjustment where task_id = ? order by requested_at",
                (rs, n) -> new TaskDetail.Adjustment(rs.getString("adjustment_id"), AdjustmentKind.valueOf(rs.getString("kind")),
                        rs.getString("proposal"), rs.getString("reason"), rs.getString("requested_by"),
                        instant(rs, "requested_at"), rs.getString("outcome"), rs.getString("decision_reason"),
                        rs.getString("decided_by"), instant(rs, "decided_at")), taskId);
    }

    private List<TaskDetail.TimelineEntry> timeline(String taskId) {
        return trail.ofAggregate(taskId).stream().map(e -> new TaskDetail.TimelineEntry(e.eventType(), e.occurredAt(),
                e.actorUser(), e.actorUnit(), e.actorRole(), e.reason(), e.processInstanceId(), e.userTaskId(),
                // what the event changed, without the ids that only tie it to other things
                e.changesAsText(field -> !field.endsWith("Id") && !field.endsWith("unitId")))).toList();
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static String json(Object value) {
        try {
            return value == null ? null : JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is not readable", e);
        }
    }

    private static List<EvidenceRef> readList(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<EvidenceRef>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence list is not readable", e);
        }
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
