package org.duban.query.task;

import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.reporting.FindPlanProgress;
import org.duban.api.reporting.FindUnitProgress;
import org.duban.api.reporting.PlanProgress;
import org.duban.api.reporting.ReportStatus;
import org.duban.api.reporting.UnitProgress;
import org.duban.api.task.TaskStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The numbers of the home pages: a plan's tasks acknowledged and its reports per period, and what waits on a unit as
 * a lead unit. Counted from the plan tree's tasks, the task work projection and the reports projection.
 */
@Component
class ProgressViews {
    private static final String WITH_UNIT = "'OPEN', 'DRAFTED', 'RETURNED'";
    private final JdbcTemplate jdbc;

    ProgressViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    PlanProgress handle(FindPlanProgress query) {
        int tasks = count("select count(*) from plan_task where plan_id = ?", query.planId());
        int acknowledged = count("select count(*) from task_work where plan_id = ? and acknowledged_at is not null",
                query.planId());
        List<PlanProgress.Period> periods = jdbc.query("select period_key, min(period_start) as period_start, "
                        + "count(*) as reports, "
                        + "sum(case when status in (" + WITH_UNIT + ") then 1 else 0 end) as with_unit, "
                        + "sum(case when status = 'SUBMITTED' then 1 else 0 end) as submitted, "
                        + "sum(case when status = 'ACCEPTED' then 1 else 0 end) as accepted, "
                        + "sum(case when status = 'RETURNED' then 1 else 0 end) as returned, "
                        + "sum(case when overdue and status <> 'ACCEPTED' then 1 else 0 end) as overdue "
                        + "from task_report where plan_id = ? group by period_key order by period_start desc, period_key desc",
                (rs, n) -> new PlanProgress.Period(rs.getString("period_key"), rs.getDate("period_start").toLocalDate(),
                        rs.getInt("reports"), rs.getInt("with_unit"), rs.getInt("submitted"), rs.getInt("accepted"),
                        rs.getInt("returned"), rs.getInt("overdue")), query.planId());
        return new PlanProgress(query.planId(), tasks, acknowledged, periods);
    }

    @QueryHandler
    UnitProgress handle(FindUnitProgress query) {
        String unitId = query.unitId();
        int toAcknowledge = count("select count(*) from task_work w join plan_task t on t.task_id = w.task_id "
                + "where t.lead_unit_id = ? and w.status = '" + TaskStatus.ASSIGNED.name() + "'", unitId);
        String reports = "from task_report r join plan_task t on t.task_id = r.task_id where t.lead_unit_id = ? ";
        int toWrite = count("select count(*) " + reports + "and r.status in ('OPEN', 'DRAFTED')", unitId);
        int returned = count("select count(*) " + reports + "and r.status = 'RETURNED'", unitId);
        int overdue = count("select count(*) " + reports + "and r.overdue and r.status <> 'ACCEPTED'", unitId);

        List<UnitProgress.Deadline> deadlines = new ArrayList<>();
        deadlines.addAll(jdbc.query("select w.acknowledge_by as due, t.task_id, p.title, t.number, t.code, t.text "
                        + "from task_work w join plan_task t on t.task_id = w.task_id "
                        + "join plan_summary p on p.plan_id = t.plan_id "
                        + "where t.lead_unit_id = ? and w.status = ? and w.acknowledge_by is not null "
                        + "order by w.acknowledge_by, t.number fetch first ? rows only",
                (rs, n) -> new UnitProgress.Deadline(rs.getDate("due").toLocalDate(), rs.getString("task_id"),
                        rs.getString("title"), rs.getInt("number"), rs.getString("code"), rs.getString("text"),
                        null, null), unitId, TaskStatus.ASSIGNED.name(), query.deadlines()));
        deadlines.addAll(jdbc.query("select r.due_on as due, t.task_id, p.title, t.number, t.code, t.text, "
                        + "r.period_key, r.status from task_report r join plan_task t on t.task_id = r.task_id "
                        + "join plan_summary p on p.plan_id = t.plan_id "
                        + "where t.lead_unit_id = ? and r.status in (" + WITH_UNIT + ") "
                        + "order by r.due_on, t.number fetch first ? rows only",
                (rs, n) -> new UnitProgress.Deadline(rs.getDate("due").toLocalDate(), rs.getString("task_id"),
                        rs.getString("title"), rs.getInt("number"), rs.getString("code"), rs.getString("text"),
                        rs.getString("period_key"), ReportStatus.valueOf(rs.getString("status"))),
                unitId, query.deadlines()));
        deadlines.sort(Comparator.comparing(UnitProgress.Deadline::due).thenComparing(UnitProgress.Deadline::number));
        return new UnitProgress(unitId, toAcknowledge, toWrite, returned, overdue,
                deadlines.subList(0, Math.min(query.deadlines(), deadlines.size())));
    }

    private int count(String sql, Object... args) {
        Integer count = jdbc.queryForObject(sql, Integer.class, args);
        return count == null ? 0 : count;
    }
}
