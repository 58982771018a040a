package org.duban.query.supervision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.supervision.CaseExtensionApproved;
import org.duban.api.supervision.CaseExtensionRefused;
import org.duban.api.supervision.CaseExtensionRequested;
import org.duban.api.supervision.CaseTrigger;
import org.duban.api.supervision.FindSupervisionCase;
import org.duban.api.supervision.FindSupervisionCases;
import org.duban.api.supervision.FindSupervisionCasesById;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RectificationPlanSubmitted;
import org.duban.api.supervision.RectificationRejected;
import org.duban.api.supervision.RectificationResultSubmitted;
import org.duban.api.supervision.SupervisedItem;
import org.duban.api.supervision.SupervisionCaseClosedOut;
import org.duban.api.supervision.SupervisionCaseDetail;
import org.duban.api.supervision.SupervisionCaseEscalated;
import org.duban.api.supervision.SupervisionCaseView;
import org.duban.api.supervision.SupervisionNoticeIssued;
import org.duban.query.ProjectionTables;
import org.duban.query.audit.AuditTrail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static java.sql.Timestamp.from;

/**
 * The supervision cases (督办事项), one row each with its grade, stage, dates, the unit's plan and result and the
 * extension waiting for a decision; the case page's timeline is the audit trail of the case.
 */
@Component
@ProcessingGroup(SupervisionCaseProjection.PROCESSING_GROUP)
@ProjectionTables({"supervision_case"})
class SupervisionCaseProjection {
    static final String PROCESSING_GROUP = "supervision-cases";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final AuditTrail trail;

    SupervisionCaseProjection(JdbcTemplate jdbc, AuditTrail trail) {
        this.jdbc = jdbc;
        this.trail = trail;
    }

    @EventHandler
    void on(SupervisionNoticeIssued event, @Timestamp Instant at) {
        SupervisedItem item = event.item();
        jdbc.update("insert into supervision_case (case_id, plan_id, office, task_id, period_key, indicator_id, unit_id, "
                        + "unit_name, grade, case_trigger, stage, reason, answer_by, issued_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING_PLAN', ?, ?, ?, ?)",
                event.caseId(), event.planId(), event.office(), item.taskId(), item.periodKey(), item.indicatorId(),
                event.unit().unitId(), event.unit().name(), event.grade().name(), event.trigger().name(), event.reason(),
                Date.valueOf(event.answerBy()), from(at), from(at));
    }

    @EventHandler
    void on(SupervisionCaseEscalated event, @Timestamp Instant at) {
        jdbc.update("update supervision_case set grade = ?, answer_by = ?, escalated_at = ?, updated_at = ? where case_id = ?",
                event.toGrade().name(), Date.valueOf(event.answerBy()), from(at), from(at), event.caseId());
    }

    @EventHandler
    void on(RectificationPlanSubmitted event, @Timestamp Instant at) {
        jdbc.update("update supervision_case set stage = 'RECTIFYING', rectification_plan = ?, deadline = ?, updated_at = ? "
                + "where case_id = ?", event.plan(), Date.valueOf(event.deadline()), from(at), event.caseId());
    }

    @EventHandler
    void on(RectificationResultSubmitted event, @Timestamp Instant at) {
        jdbc.update("update supervision_case set stage = 'RESULT_SUBMITTED', result = ?, evidence = ?, rejection = null, "
                + "updated_at = ? where case_id = ?", event.result(), json(event.evidence()), from(at), event.caseId());
    }

    @EventHandler
    void on(RectificationRejected event, @Timestamp Instant at) {
        jdbc.update("update supervision_case set stage = 'RECTIFYING', rejection = ?, rejections = rejections + 1, "
                + "updated_at = ? where case_id = ?", event.reason(), from(at), event.caseId());
    }

    @EventHandler
    void on(SupervisionCaseClosedOut event, @Timestamp Instant at) {
        jdbc.update("update supervision_case set stage = 'CLOSED_OUT', closed_at = ?, updated_at = ? where case_id = ?",
                from(at), from(at), event.caseId());
    }

    @EventHandler
    void on(CaseExtensionRequested event, @Timestamp Instant at) {
        jdbc.update("update supervision_case set extension_id = ?, extension_until = ?, extension_reason = ?, "
                        + "updated_at = ? where case_id = ?", event.extensionId(), Date.valueOf(event.until()),
                event.reason(), from(at), event.caseId());
    }

    @EventHandler
    void on(CaseExtensionApproved event, @Timestamp Instant at) {
        jdbc.update("update supervision_case set deadline = ?, extension_id = null, extension_until = null, "
                        + "extension_reason = null, updated_at = ? where case_id = ?", Date.valueOf(event.deadline()),
                from(at), event.caseId());
    }

    @EventHandler
    void on(CaseExtensionRefused event, @Timestamp Instant at) {
        jdbc.update("update supervision_case set extension_id = null, extension_until = null, extension_reason = null, "
                + "updated_at = ? where case_id = ?", from(at), event.caseId());
    }

    @ResetHandler
    void reset() {
        for (String table : SupervisionCaseProjection.class.getAnnotation(ProjectionTables.class).value()) {
            jdbc.update("delete from " + table);
        }
    }

    @QueryHandler
    List<SupervisionCaseView> handle(FindSupervisionCases query) {
        StringBuilder sql = new StringBuilder("select * from supervision_case where 1 = 1");
        List<Object> args = new ArrayList<>();
        where(sql, args, "plan_id", query.planId());
        where(sql, args, "unit_id", query.unitId());
        where(sql, args, "task_id", query.taskId());
        where(sql, args, "indicator_id", query.indicatorId());
        where(sql, args, "grade", query.grade() == null ? null : query.grade().name());
        where(sql, args, "case_trigger", query.trigger() == null ? null : query.trigger().name());
        if (query.offices() != null) {
            sql.append(" and (office is null").append(query.offices().isEmpty() ? "" : " or office in ("
                    + String.join(", ", Collections.nCopies(query.offices().size(), "?")) + ")").append(")");
            args.addAll(query.offices());
        }
        if (query.stages() != null) {
            sql.append(" and stage in (").append(String.join(", ", Collections.nCopies(query.stages().size(), "?"))).append(")");
            args.addAll(query.stages());
        }
        if (Boolean.TRUE.equals(query.open())) {
            sql.append(" and stage <> 'CLOSED_OUT'");
        }
        sql.append(" order by issued_at desc, case_id");
        return jdbc.query(sql.toString(), VIEW, args.toArray());
    }

    @QueryHandler
    List<SupervisionCaseView> handle(FindSupervisionCasesById query) {
        if (query.caseIds().isEmpty()) {
            return List.of();
        }
        return jdbc.query("select * from supervision_case where case_id in ("
                + String.join(", ", Collections.nCopies(query.caseIds().size(), "?")) + ")", VIEW, query.caseIds().toArray());
    }

    @QueryHandler
    Optional<SupervisionCaseDetail> handle(FindSupervisionCase query) {
        return jdbc.query("select * from supervision_case where case_id = ?", VIEW, query.caseId()).stream().findFirst()
                .map(view -> new SupervisionCaseDetail(view, trail.ofAggregate(view.caseId())));
    }

    private static void where(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static final RowMapper<SupervisionCaseView> VIEW = (rs, n) -> new SupervisionCaseView(
            rs.getString("case_id"), rs.getString("plan_id"), rs.getString("office"),
            new SupervisedItem(rs.getString("task_id"), rs.getString("period_key"), rs.getString("indicator_id")),
            rs.getString("unit_id"), rs.getString("unit_name"), NoticeGrade.valueOf(rs.getString("grade")),
            CaseTrigger.valueOf(rs.getString("case_trigger")), rs.getString("stage"), rs.getString("reason"),
            date(rs, "answer_by"), date(rs, "deadline"), instant(rs, "issued_at"), instant(rs, "escalated_at"),
            instant(rs, "closed_at"), instant(rs, "updated_at"), rs.getString("rectification_plan"),
            rs.getString("result"), evidence(rs.getString("evidence")), rs.getString("rejection"),
            rs.getInt("rejections"), rs.getString("extension_id"), date(rs, "extension_until"),
            rs.getString("extension_reason"));

    private static String json(List<EvidenceRef> evidence) {
        try {
            return JSON.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the evidence list", e);
        }
    }

    private static List<EvidenceRef> evidence(String json) {
        try {
            return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<EvidenceRef>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence list is not readable", e);
        }
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
