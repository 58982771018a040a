package org.duban.query.adjustment;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.MetadataKeys;
import org.duban.api.adjustment.AdjustmentHistory;
import org.duban.api.adjustment.AdjustmentHistory.Entry;
import org.duban.api.adjustment.AdjustmentHistory.Outcome;
import org.duban.api.adjustment.AdjustmentHistory.Subject;
import org.duban.api.adjustment.AdjustmentHistory.SubjectKind;
import org.duban.api.adjustment.FindAdjustmentHistory;
import org.duban.api.indicator.IndicatorAdjustmentRejected;
import org.duban.api.indicator.IndicatorAdjustmentRequested;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.IndicatorTargetAdjusted;
import org.duban.api.indicator.Target;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.TaskAdjustmentApproved;
import org.duban.api.task.TaskAdjustmentRejected;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskDueDateAdjusted;
import org.duban.api.task.TaskTextAdjusted;
import org.duban.api.task.TaskUnitsChanged;
import org.duban.api.task.UnitChange;
import org.duban.query.ProjectionTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.sql.Timestamp.from;

/**
 * The versioned history of adjustments (动态调整) of tasks and indicators: each one's original values, and every
 * adjustment with the value before and after, who asked and decided, when, why, and from when the new value is in
 * force. The plan tree shows the values in force; this keeps what they replaced.
 */
@Component
@ProcessingGroup(AdjustmentHistoryProjection.PROCESSING_GROUP)
@ProjectionTables({"adjustment_record", "adjustment_subject"})
class AdjustmentHistoryProjection {
    static final String PROCESSING_GROUP = "adjustment-history";

    private final JdbcTemplate jdbc;

    AdjustmentHistoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- what was there first ----------------------------------------------------------------------------------

    @EventHandler
    void on(TaskCreated event) {
        String units = new UnitChange(event.leadUnit(), event.coUnits() == null ? List.of() : event.coUnits()).text();
        jdbc.update("insert into adjustment_subject (subject_id, subject, plan_id, original_text, original_due_date, "
                        + "original_units, current_units) values (?, ?, ?, ?, ?, ?, ?)", event.taskId(),
                SubjectKind.TASK.name(), event.planId(), event.text(), event.dueDate(), units, units);
    }

    @EventHandler
    void on(IndicatorDefined event) {
        jdbc.update("insert into adjustment_subject (subject_id, subject, plan_id, original_target) values (?, ?, ?, ?)",
                event.indicatorId(), SubjectKind.INDICATOR.name(), event.planId(), written(event.target()));
    }

    // --- tasks ---------------------------------------------------------------------------------------------------

    @EventHandler
    void on(TaskAdjustmentRequested event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        String planId = jdbc.query("select plan_id from adjustment_subject where subject_id = ?",
                rs -> rs.next() ? rs.getString(1) : "", event.taskId());
        requested(event.adjustmentId(), SubjectKind.TASK, event.taskId(), planId, event.kind(), event.proposal(), null,
                event.reason(), user, event.unitId(), at);
    }

    /** The value after is the proposal; the value before comes with the event that changes the task. */
    @EventHandler
    void on(TaskAdjustmentApproved event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        String adjusted = event.kind() == AdjustmentKind.UNITS ? event.units().text() : event.proposal();
        decided(event.adjustmentId(), Outcome.APPROVED, event.reason(), null, user, at);
        jdbc.update("update adjustment_record set adjusted_value = ?, in_force_from = ? where adjustment_id = ?",
                event.kind() == AdjustmentKind.TARGET ? null : adjusted,
                event.kind() == AdjustmentKind.TARGET ? null : from(at), event.adjustmentId());
    }

    @EventHandler
    void on(TaskTextAdjusted event) {
        changed(event.adjustmentId(), event.fromText(), event.toText());
    }

    @EventHandler
    void on(TaskDueDateAdjusted event) {
        changed(event.adjustmentId(), event.fromDueDate() == null ? null : event.fromDueDate().toString(),
                event.toDueDate().toString());
    }

    /** The event names the units after only; the units before are the ones this view keeps in force. */
    @EventHandler
    void on(TaskUnitsChanged event) {
        String before = jdbc.query("select current_units from adjustment_subject where subject_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, event.taskId());
        String after = new UnitChange(event.leadUnit(), event.coUnits()).text();
        changed(event.adjustmentId(), before, after);
        jdbc.update("update adjustment_subject set current_units = ? where subject_id = ?", after, event.taskId());
    }

    @EventHandler
    void on(TaskAdjustmentRejected event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        decided(event.adjustmentId(), Outcome.REJECTED, event.reason(), null, user, at);
    }

    // --- indicators ----------------------------------------------------------------------------------------------

    @EventHandler
    void on(IndicatorAdjustmentRequested event, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        requested(event.adjustmentId(), SubjectKind.INDICATOR, event.indicatorId(), event.planId(),
                AdjustmentKind.TARGET, written(event.proposedTarget()), written(event.currentTarget()), event.reason(),
                user, event.unitId(), at);
    }

    @EventHandler
    void on(IndicatorTargetAdjusted event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        decided(event.adjustmentId(), Outcome.APPROVED, event.reason(), event.approvalDocument(), user, at);
        changed(event.adjustmentId(), written(event.fromTarget()), written(event.toTarget()));
        jdbc.update("update adjustment_record set in_force_from = ? where adjustment_id = ?", from(at),
                event.adjustmentId());
    }

    @EventHandler
    void on(IndicatorAdjustmentRejected event, @Timestamp Instant at,
            @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        decided(event.adjustmentId(), Outcome.REJECTED, event.reason(), null, user, at);
    }

    private void requested(String adjustmentId, SubjectKind subject, String subjectId, String planId,
                           AdjustmentKind kind, String proposal, String previous, String reason, String user,
                           String unitId, Instant at) {
        jdbc.update("insert into adjustment_record (adjustment_id, subject, subject_id, plan_id, kind, proposal, "
                        + "previous_value, reason, requested_by, requested_unit, requested_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", adjustmentId, subject.name(), subjectId, planId,
                kind.name(), proposal, previous, reason, user, unitId, from(at));
    }

    private void decided(String adjustmentId, Outcome outcome, String reason, String approvalDocument, String user,
                         Instant at) {
        jdbc.update("update adjustment_record set outcome = ?, decision_reason = ?, approval_document = ?, "
                        + "decided_by = ?, decided_at = ? where adjustment_id = ?", outcome.name(), reason,
                approvalDocument, user, from(at), adjustmentId);
    }

    private void changed(String adjustmentId, String before, String after) {
        jdbc.update("update adjustment_record set previous_value = ?, adjusted_value = ? where adjustment_id = ?",
                before, after, adjustmentId);
    }

    private static String written(Target target) {
        return target == null ? null : target.asWritten();
    }

    @ResetHandler
    void reset() {
        for (String table : AdjustmentHistoryProjection.class.getAnnotation(ProjectionTables.class).value()) {
            jdbc.update("delete from " + table);
        }
    }

    // --- the query -----------------------------------------------------------------------------------------------

    @QueryHandler
    AdjustmentHistory handle(FindAdjustmentHistory query) {
        String where = query.taskId() != null ? "subject_id = ? and subject = 'TASK'"
                : query.indicatorId() != null ? "subject_id = ? and subject = 'INDICATOR'" : "plan_id = ?";
        Object id = query.taskId() != null ? query.taskId()
                : query.indicatorId() != null ? query.indicatorId() : query.planId();
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        jdbc.query("select * from adjustment_record where " + where + " order by requested_at, adjustment_id",
                rs -> {
                    entries.computeIfAbsent(rs.getString("subject_id"), key -> new ArrayList<>()).add(entry(rs));
                }, id);
        List<Subject> subjects = jdbc.query("select * from adjustment_subject where " + where
                        + " order by subject, subject_id",
                (rs, n) -> new Subject(SubjectKind.valueOf(rs.getString("subject")), rs.getString("subject_id"),
                        rs.getString("plan_id"), rs.getString("original_text"),
                        rs.getObject("original_due_date", LocalDate.class), rs.getString("original_units"),
                        rs.getString("original_target"),
                        List.copyOf(entries.getOrDefault(rs.getString("subject_id"), List.of()))), id);
        // a plan's history lists only what was adjusted; one task's or indicator's, itself in any case
        return new AdjustmentHistory(query.planId() == null ? subjects
                : subjects.stream().filter(subject -> !subject.entries().isEmpty()).toList());
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        return new Entry(rs.getString("adjustment_id"), AdjustmentKind.valueOf(rs.getString("kind")),
                rs.getString("proposal"), rs.getString("previous_value"), rs.getString("adjusted_value"),
                rs.getString("reason"), rs.getString("requested_by"), rs.getString("requested_unit"),
                instant(rs, "requested_at"), outcome == null ? null : Outcome.valueOf(outcome),
                rs.getString("decision_reason"), rs.getString("approval_document"), rs.getString("decided_by"),
                instant(rs, "decided_at"), instant(rs, "in_force_from"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

}
