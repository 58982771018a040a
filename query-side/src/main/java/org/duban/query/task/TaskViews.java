package org.duban.query.task;

import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.reporting.ContributionEnd;
import org.duban.api.reporting.FindReturnedReports;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportStatus;
import org.duban.api.reporting.ReturnedReport;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.FindTaskDetail;
import org.duban.api.task.FindTaskLines;
import org.duban.api.task.FindTaskPlaces;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskDetail;
import org.duban.api.task.TaskLine;
import org.duban.api.task.TaskPlace;
import org.duban.api.task.TaskStatus;
import org.duban.api.task.TaskSummary;
import org.duban.api.unit.UnitRef;
import org.duban.query.audit.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.duban.query.task.StoredJson.date;
import static org.duban.query.task.StoredJson.instant;
import static org.duban.query.task.StoredJson.read;
import static org.duban.query.task.StoredJson.readEvidence;

/**
 * The task pages' views, which join several projections: the plan tree's wording of a task, the task work
 * projection's status and adjustments, the reports projection's periods, and the audit trail's timeline.
 * The work and report tables are read through their own handle, so that time travel can point it at the past
 * replayed in a scratch database while the plan's wording and the timeline come from the live views.
 */
@Component
class TaskViews {
    private static final String TASK_SELECT = "select t.task_id, t.plan_id, p.title, p.supervising_unit, t.number, "
            + "t.code, t.text, t.lead_unit_id, t.lead_unit_name, t.section_id from plan_task t "
            + "join plan_summary p on p.plan_id = t.plan_id ";

    private final JdbcTemplate plans;
    private final NamedParameterJdbcTemplate namedPlans;
    private final JdbcTemplate work;
    private final NamedParameterJdbcTemplate namedWork;
    private final AuditTrail trail;

    @Autowired
    TaskViews(JdbcTemplate jdbc, AuditTrail trail) {
        this(jdbc, jdbc, trail);
    }

    /**
     * @param plans the plan tree and plan summary tables
     * @param work  the task work and task report tables
     */
    TaskViews(JdbcTemplate plans, JdbcTemplate work, AuditTrail trail) {
        this.plans = plans;
        this.namedPlans = new NamedParameterJdbcTemplate(plans);
        this.work = work;
        this.namedWork = new NamedParameterJdbcTemplate(work);
        this.trail = trail;
    }

    @QueryHandler
    List<TaskSummary> handle(FindTaskSummaries query) {
        List<TaskRow> rows = rowsOf(query.taskIds());
        List<String> ids = rows.stream().map(TaskRow::taskId).toList();
        Map<String, WorkRow> work = workOf(ids);
        Map<String, List<UnitRef>> coUnits = coUnitsOf(ids);
        return rows.stream().map(row -> summary(row, work.get(row.taskId()), coUnits.getOrDefault(row.taskId(), List.of())))
                .toList();
    }

    @QueryHandler
    List<TaskLine> handle(FindTaskLines query) {
        return rowsOf(query.taskIds()).stream().map(TaskRow::line).toList();
    }

    @QueryHandler
    List<TaskPlace> handle(FindTaskPlaces query) {
        if (query.taskIds().isEmpty()) {
            return List.of();
        }
        return namedPlans.query("select t.task_id, t.plan_id, p.title, p.supervising_unit, t.number from plan_task t "
                        + "join plan_summary p on p.plan_id = t.plan_id where t.task_id = any(:ids)",
                new MapSqlParameterSource("ids", ids(query.taskIds())),
                (rs, n) -> new TaskPlace(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5)));
    }

    /** The known tasks among these, in plan order. */
    private List<TaskRow> rowsOf(List<String> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return namedPlans.query(TASK_SELECT + "where t.task_id = any(:ids) order by t.plan_id, t.number",
                new MapSqlParameterSource("ids", ids(taskIds)), (rs, n) -> TaskRow.of(rs));
    }

    @QueryHandler
    List<ReturnedReport> handle(FindReturnedReports query) {
        if (query.taskIds() != null && query.taskIds().isEmpty()) {
            return List.of();
        }
        return namedWork.query("select r.task_id, r.period_key, rr.reason from task_report r "
                        + "left join task_report_round rr on rr.task_id = r.task_id and rr.period_key = r.period_key "
                        + "and rr.round = r.round where r.status = :returned"
                        + (query.taskIds() == null ? "" : " and r.task_id = any(:ids)"),
                new MapSqlParameterSource("ids", query.taskIds() == null ? null : ids(query.taskIds()))
                        .addValue("returned", ReportStatus.RETURNED.name()),
                (rs, n) -> new ReturnedReport(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    @QueryHandler
    Optional<TaskDetail> handle(FindTaskDetail query) {
        return plans.query(TASK_SELECT + "where t.task_id = ?", (rs, n) -> TaskRow.of(rs), query.taskId()).stream()
                .findFirst().map(row -> {
                    TaskSummary summary = summary(row, workOf(List.of(row.taskId())).get(row.taskId()),
                            coUnitsOf(List.of(row.taskId())).getOrDefault(row.taskId(), List.of()));
                    return new TaskDetail(summary, heading(row.sectionId()), reports(row.taskId()),
                            adjustments(row.taskId()), timeline(row.taskId()), confirmations(summary));
                });
    }

    private record TaskRow(String taskId, String planId, String title, String supervisingUnit, int number, String code,
                           String text, UnitRef leadUnit, String sectionId) {
        static TaskRow of(ResultSet rs) throws SQLException {
            return new TaskRow(rs.getString("task_id"), rs.getString("plan_id"), rs.getString("title"),
                    rs.getString("supervising_unit"), rs.getInt("number"), rs.getString("code"), rs.getString("text"),
                    new UnitRef(rs.getString("lead_unit_id"), rs.getString("lead_unit_name")), rs.getString("section_id"));
        }

        TaskLine line() {
            return new TaskLine(taskId, planId, title, supervisingUnit, number, code, text, leadUnit);
        }
    }

    private record WorkRow(TaskStatus status, LocalDate acknowledgeBy) {
    }

    private Map<String, WorkRow> workOf(List<String> taskIds) {
        Map<String, WorkRow> found = new HashMap<>();
        if (!taskIds.isEmpty()) {
            namedWork.query("select task_id, status, acknowledge_by from task_work where task_id = any(:ids)",
                    new MapSqlParameterSource("ids", ids(taskIds)), rs -> {
                        found.put(rs.getString("task_id"), new WorkRow(TaskStatus.valueOf(rs.getString("status")),
                                date(rs, "acknowledge_by")));
                    });
        }
        return found;
    }

    /** The co-units of every task in one query, in the order the plan lists them. */
    private Map<String, List<UnitRef>> coUnitsOf(List<String> taskIds) {
        Map<String, List<UnitRef>> found = new HashMap<>();
        if (taskIds.isEmpty()) {
            return found;
        }
        namedPlans.query("select task_id, unit_id, unit_name from plan_task_co_unit where task_id = any(:ids) "
                + "order by task_id, position", new MapSqlParameterSource("ids", ids(taskIds)), rs -> {
            found.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new UnitRef(rs.getString(2), rs.getString(3)));
        });
        return found;
    }

    /**
     * Ids as one array parameter, for {@code = any(:ids)}: an {@code in} list of a busy unit's 2,000 tasks is 2,000
     * parameters that PostgreSQL parses and plans on every read, longer than it runs (docs/BENCHMARKS.md).
     */
    private static String[] ids(Collection<String> ids) {
        return ids.toArray(String[]::new);
    }

    private TaskSummary summary(TaskRow row, WorkRow work, List<UnitRef> coUnits) {
        return new TaskSummary(row.taskId(), row.planId(), row.title(), row.supervisingUnit(), row.number(), row.code(),
                row.text(), row.leadUnit(), coUnits, work == null ? TaskStatus.CREATED : work.status(),
                work == null ? null : work.acknowledgeBy());
    }

    private String heading(String sectionId) {
        if (sectionId == null) {
            return "";
        }
        return plans.query("select code, title from plan_section where section_id = ?",
                (rs, n) -> (rs.getString(1) == null ? "" : rs.getString(1)) + rs.getString(2), sectionId)
                .stream().findFirst().orElse("");
    }

    private List<TaskDetail.Report> reports(String taskId) {
        return work.query("select * from task_report where task_id = ? order by period_start", (rs, n) -> {
            String period = rs.getString("period_key");
            return new TaskDetail.Report(period, date(rs, "period_start"), date(rs, "period_end"), date(rs, "due_on"),
                    date(rs, "overdue_on"), ReportStatus.valueOf(rs.getString("status")), rs.getInt("round"),
                    rs.getBoolean("overdue"), rs.getBoolean("escalated"), rs.getInt("reminders"),
                    read(rs.getString("draft"), ReportContent.class), rounds(taskId, period), contributions(taskId, period),
                    closedContributions(taskId, period));
        }, taskId);
    }

    private List<TaskDetail.Round> rounds(String taskId, String period) {
        return work.query("select * from task_report_round where task_id = ? and period_key = ? order by round",
                (rs, n) -> new TaskDetail.Round(rs.getInt("round"), read(rs.getString("content"), ReportContent.class),
                        rs.getString("submitted_by"), instant(rs, "submitted_at"), rs.getString("outcome"),
                        rs.getString("reason"), rs.getString("decided_by"), instant(rs, "decided_at")), taskId, period);
    }

    private List<TaskDetail.Contribution> contributions(String taskId, String period) {
        return work.query("select * from task_contribution where task_id = ? and period_key = ? order by submitted_at",
                (rs, n) -> new TaskDetail.Contribution(rs.getString("unit_id"), rs.getString("text"),
                        readEvidence(rs.getString("evidence")), rs.getString("submitted_by"), instant(rs, "submitted_at")),
                taskId, period);
    }

    private List<TaskDetail.ClosedContribution> closedContributions(String taskId, String period) {
        return work.query("select * from task_contribution_closed where task_id = ? and period_key = ? "
                        + "order by closed_at, unit_id",
                (rs, n) -> new TaskDetail.ClosedContribution(rs.getString("unit_id"),
                        ContributionEnd.valueOf(rs.getString("cause")), instant(rs, "closed_at")), taskId, period);
    }

    /** Every co-unit of the task, with how its confirmation ended if it has. */
    private List<TaskDetail.Confirmation> confirmations(TaskSummary summary) {
        Map<String, TaskDetail.Confirmation> ended = new HashMap<>();
        work.query("select * from task_co_unit_confirmation where task_id = ?", rs -> {
            String unitId = rs.getString("unit_id");
            ended.put(unitId, new TaskDetail.Confirmation(null, rs.getString("outcome"), rs.getString("decided_by"),
                    instant(rs, "decided_at")));
        }, summary.taskId());
        return summary.coUnits().stream().map(unit -> {
            TaskDetail.Confirmation confirmation = ended.get(unit.unitId());
            return confirmation == null ? new TaskDetail.Confirmation(unit, null, null, null)
                    : new TaskDetail.Confirmation(unit, confirmation.outcome(), confirmation.decidedBy(),
                    confirmation.decidedAt());
        }).toList();
    }

    private List<TaskDetail.Adjustment> adjustments(String taskId) {
        return work.query("select * from task_adjustment where task_id = ? order by requested_at",
                (rs, n) -> new TaskDetail.Adjustment(rs.getString("adjustment_id"), AdjustmentKind.valueOf(rs.getString("kind")),
                        rs.getString("proposal"), rs.getString("reason"), rs.getString("requested_by"),
                        instant(rs, "requested_at"), rs.getString("outcome"), rs.getString("decision_reason"),
                        rs.getString("decided_by"), instant(rs, "decided_at")), taskId);
    }

    private List<TaskDetail.TimelineEntry> timeline(String taskId) {
        return trail.ofAggregate(taskId).stream().map(e -> new TaskDetail.TimelineEntry(e.eventType(), e.occurredAt(),
                e.actorUser(), e.actorUnit(), e.actorRole(), e.reason(), e.processInstanceId(), e.userTaskId(),
                // what the event changed, without the ids that only tie it to other things
                e.changesAsText(field -> !field.endsWith("Id") && !field.endsWith("unitId")), e.changes(),
                e.periodKey())).toList();
    }
}
