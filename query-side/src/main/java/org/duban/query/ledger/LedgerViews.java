package org.duban.query.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.ledger.FindLedger;
import org.duban.api.ledger.Ledger;
import org.duban.api.ledger.Ledger.AdjustmentLine;
import org.duban.api.ledger.Ledger.CaseLine;
import org.duban.api.ledger.Ledger.IndicatorRow;
import org.duban.api.ledger.Ledger.LatestReport;
import org.duban.api.ledger.Ledger.TaskRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The progress ledger of a plan, read from the views others keep: the plan tree (text, units and due date in force),
 * task_status and indicator_status (on-schedule status), task_report and task_report_round (the latest report),
 * supervision_case (notices), task_adjustment (adjustment history) and indicator_value (values by period). Each table
 * is read once for the whole plan and grouped here, so a plan of thousands of tasks costs a handful of queries.
 * A view with nothing yet leaves its part empty.
 */
@Component
class LedgerViews {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcTemplate jdbc;

    LedgerViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    Ledger handle(FindLedger query) {
        String planId = query.planId();
        String title = jdbc.query("select title from plan_summary where plan_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, planId);
        if (title == null) {
            return new Ledger(planId, null, List.of(), List.of(), List.of());
        }
        return new Ledger(planId, title, tasks(planId), periods(planId), indicators(planId));
    }

    private record Section(String parentId, String title) {
    }

    private List<TaskRow> tasks(String planId) {
        Map<String, Section> sections = new HashMap<>();
        jdbc.query("select section_id, parent_section_id, code, title from plan_section where plan_id = ?",
                rs -> {
                    String code = rs.getString("code");
                    sections.put(rs.getString("section_id"), new Section(rs.getString("parent_section_id"),
                            (code == null ? "" : code) + nonNull(rs.getString("title"))));
                }, planId);
        Map<String, List<String>> coUnits = new HashMap<>();
        jdbc.query("select c.task_id, c.unit_name from plan_task_co_unit c join plan_task t on t.task_id = c.task_id "
                + "where t.plan_id = ? order by c.task_id, c.position", rs -> {
            coUnits.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
        }, planId);
        Map<String, LatestReport> latest = latestReports(planId);
        Map<String, List<CaseLine>> cases = new HashMap<>();
        jdbc.query("select task_id, grade, stage, reason, issued_at, deadline, closed_at from supervision_case "
                + "where plan_id = ? and task_id is not null order by issued_at, case_id", rs -> {
            cases.computeIfAbsent(rs.getString("task_id"), k -> new ArrayList<>()).add(new CaseLine(
                    rs.getString("grade"), rs.getString("stage"), rs.getString("reason"), instant(rs, "issued_at"),
                    date(rs, "deadline"), instant(rs, "closed_at")));
        }, planId);
        Map<String, List<AdjustmentLine>> adjustments = new HashMap<>();
        jdbc.query("select a.* from task_adjustment a join plan_task t on t.task_id = a.task_id where t.plan_id = ? "
                + "order by a.requested_at, a.adjustment_id", rs -> {
            adjustments.computeIfAbsent(rs.getString("task_id"), k -> new ArrayList<>()).add(new AdjustmentLine(
                    rs.getString("kind"), rs.getString("proposal"), rs.getString("reason"),
                    rs.getString("requested_by"), instant(rs, "requested_at"), rs.getString("outcome"),
                    rs.getString("decision_reason"), rs.getString("decided_by"), instant(rs, "decided_at")));
        }, planId);
        return jdbc.query("select t.task_id, t.number, t.code, t.section_id, t.text, t.lead_unit_name, t.due_date, "
                + "s.status from plan_task t left join task_status s on s.task_id = t.task_id where t.plan_id = ? "
                + "order by t.number", (rs, n) -> {
            String taskId = rs.getString("task_id");
            List<String> path = new ArrayList<>();
            for (String id = rs.getString("section_id"); id != null && sections.containsKey(id) && path.size() < 10;
                 id = sections.get(id).parentId()) {
                path.add(0, sections.get(id).title());
            }
            return new TaskRow(taskId, rs.getInt("number"), rs.getString("code"), path, rs.getString("text"),
                    rs.getString("lead_unit_name"), coUnits.getOrDefault(taskId, List.of()), date(rs, "due_date"),
                    rs.getString("status"), latest.get(taskId), cases.getOrDefault(taskId, List.of()),
                    adjustments.getOrDefault(taskId, List.of()));
        }, planId);
    }

    /** Per task, the report of the latest period that has been handed in at least once, in its last round. */
    private Map<String, LatestReport> latestReports(String planId) {
        Map<String, LatestReport> latest = new HashMap<>();
        jdbc.query("select r.task_id, r.period_key, r.status, r.overdue, c.content from task_report r "
                + "join task_report_round c on c.task_id = r.task_id and c.period_key = r.period_key "
                + "where r.plan_id = ? and c.round = (select max(m.round) from task_report_round m "
                + "where m.task_id = r.task_id and m.period_key = r.period_key) "
                + "order by r.task_id, r.period_start, r.period_key", rs -> {
            // ordered by period, so the last one read for a task stays
            JsonNode content = content(rs.getString("content"));
            latest.put(rs.getString("task_id"), new LatestReport(rs.getString("period_key"), rs.getString("status"),
                    text(content, "status"), content.hasNonNull("percent") ? content.get("percent").asInt() : null,
                    text(content, "narrative"), rs.getBoolean("overdue")));
        }, planId);
        return latest;
    }

    private List<String> periods(String planId) {
        return new ArrayList<>(new TreeSet<>(jdbc.queryForList(
                "select distinct period_key from indicator_value where plan_id = ?", String.class, planId)));
    }

    private List<IndicatorRow> indicators(String planId) {
        Map<String, Map<String, String>> values = new HashMap<>();
        jdbc.query("select v.indicator_id, v.period_key, v.as_written from indicator_value v where v.plan_id = ? "
                + "and v.version = (select max(w.version) from indicator_value w where w.indicator_id = v.indicator_id "
                + "and w.period_key = v.period_key)", rs -> {
            values.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getString(3));
        }, planId);
        return jdbc.query("select i.indicator_id, i.number, i.code, i.name, i.unit_of_measure, i.attribute, "
                + "i.baseline_year, i.baseline_written, i.target_year, i.target_written, s.status from plan_indicator i "
                + "left join indicator_status s on s.indicator_id = i.indicator_id where i.plan_id = ? order by i.number",
                (rs, n) -> new IndicatorRow(rs.getString("indicator_id"), rs.getInt("number"), rs.getString("code"),
                        rs.getString("name"), rs.getString("unit_of_measure"), rs.getString("attribute"),
                        (Integer) rs.getObject("baseline_year", Integer.class), rs.getString("baseline_written"),
                        (Integer) rs.getObject("target_year", Integer.class), rs.getString("target_written"),
                        values.getOrDefault(rs.getString("indicator_id"), Map.of()), rs.getString("status")), planId);
    }

    private static JsonNode content(String json) {
        try {
            return json == null ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (Exception e) {
            // a round without readable content still shows its period and status
            return JSON.createObjectNode();
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date day = rs.getDate(column);
        return day == null ? null : day.toLocalDate();
    }
}
