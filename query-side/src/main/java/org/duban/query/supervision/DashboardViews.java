package org.duban.query.supervision;

import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.indicator.TargetKind;
import org.duban.api.supervision.FindIndicatorTrajectory;
import org.duban.api.supervision.FindOpenNotices;
import org.duban.api.supervision.FindOverdueReports;
import org.duban.api.supervision.FindPlanBoard;
import org.duban.api.supervision.FindPlanTrajectories;
import org.duban.api.supervision.FindStatusList;
import org.duban.api.supervision.FindTaskStatuses;
import org.duban.api.supervision.FindUnitBoard;
import org.duban.api.supervision.IndicatorTrajectory;
import org.duban.api.supervision.NoticeAge;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.OpenNotice;
import org.duban.api.supervision.OverdueReport;
import org.duban.api.supervision.PlanBoard;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.StatusCounts;
import org.duban.api.supervision.StatusFilter;
import org.duban.api.supervision.StatusRow;
import org.duban.api.supervision.TaskStatuses;
import org.duban.api.supervision.UnitBoard;
import org.duban.api.task.TaskNumbers;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The supervisors' dashboards, read from the status views (task_status, indicator_status, indicator_value,
 * indicator_target), the plan tree, the task reports and the supervision cases. Each answer takes a few queries whose
 * number does not grow with the plan: counts are grouped by the database.
 */
@Component
class DashboardViews {
    /** The offices' day, as the workflows count it (WorkflowClock's zone): a notice's age counts these days. */
    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-(?:M(\\d{2})|Q([1-4])|H([12])))?");

    /**
     * Each task with the level-1 section it is under (the root of its section chain; sections nest at most three
     * deep) and its status, if assessed.
     */
    private static final String TASKS = "select t.task_id, t.plan_id, t.number, t.code, t.text, t.lead_unit_id, "
            + "t.lead_unit_name, s.status, s.rule, s.as_of, "
            + "case when s3.section_id is not null then s3.section_id when s2.section_id is not null then s2.section_id "
            + "else s1.section_id end as top_id, "
            + "case when s3.section_id is not null then s3.title when s2.section_id is not null then s2.title "
            + "else s1.title end as top_title "
            + "from plan_task t left join task_status s on s.task_id = t.task_id "
            + "left join plan_section s1 on s1.section_id = t.section_id "
            + "left join plan_section s2 on s2.section_id = s1.parent_section_id "
            + "left join plan_section s3 on s3.section_id = s2.parent_section_id";

    private final JdbcTemplate jdbc;

    DashboardViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    PlanBoard handle(FindPlanBoard query) {
        Map<String, PlanBoard.Group> sections = new LinkedHashMap<>();
        jdbc.query("select section_id, title from plan_section where plan_id = ? and parent_section_id is null "
                + "order by position", rs -> {
            sections.put(rs.getString("section_id"), new PlanBoard.Group(rs.getString("section_id"),
                    rs.getString("title"), StatusCounts.NONE));
        }, query.planId());
        PlanBoard.Group outside = new PlanBoard.Group(null, null, StatusCounts.NONE);
        Map<String, PlanBoard.Group> units = new LinkedHashMap<>();
        StatusCounts[] total = {StatusCounts.NONE};
        jdbc.query("select top_id, lead_unit_id, lead_unit_name, status, count(*) as tasks from (" + TASKS
                + " where t.plan_id = ?) x group by top_id, lead_unit_id, lead_unit_name, status", rs -> {
            RagStatus status = status(rs);
            int count = rs.getInt("tasks");
            total[0] = total[0].plus(status, count);
            String top = rs.getString("top_id");
            if (top != null && sections.containsKey(top)) {
                sections.computeIfPresent(top, (id, group) -> plus(group, status, count));
            } else {
                sections.merge("", plus(outside, status, count), (a, b) -> plus(a, status, count));
            }
            String unitId = rs.getString("lead_unit_id");
            units.merge(String.valueOf(unitId), plus(new PlanBoard.Group(unitId, rs.getString("lead_unit_name"),
                    StatusCounts.NONE), status, count), (a, b) -> plus(a, status, count));
        }, query.planId());
        List<PlanBoard.Group> bySection = sections.values().stream().filter(group -> group.counts().total() > 0).toList();
        List<PlanBoard.Group> byUnit = units.values().stream()
                .sorted(Comparator.comparingInt((PlanBoard.Group group) -> -group.counts().total())
                        .thenComparing(group -> String.valueOf(group.name())))
                .toList();

        Map<NoticeGrade, Integer> byGrade = zeros(NoticeGrade.class);
        Map<NoticeAge, Integer> byAge = zeros(NoticeAge.class);
        jdbc.query("select grade, issued_at from supervision_case where plan_id = ? and stage <> 'CLOSED_OUT'", rs -> {
            byGrade.merge(NoticeGrade.valueOf(rs.getString("grade")), 1, Integer::sum);
            byAge.merge(NoticeAge.of(ageDays(instant(rs, "issued_at"), query.asOf())), 1, Integer::sum);
        }, query.planId());

        List<PlanBoard.IndicatorLine> indicators = jdbc.query("select i.indicator_id, i.number, i.code, i.name, "
                        + "i.unit_of_measure, s.status from plan_indicator i "
                        + "left join indicator_status s on s.indicator_id = i.indicator_id where i.plan_id = ? order by i.number",
                (rs, row) -> new PlanBoard.IndicatorLine(rs.getString("indicator_id"),
                        TaskNumbers.shown(rs.getInt("number"), rs.getString("code")), rs.getString("name"),
                        rs.getString("unit_of_measure"), status(rs)), query.planId());

        return new PlanBoard(query.planId(), total[0], bySection, byUnit,
                overdue(new FindOverdueReports(query.planId(), null, query.asOf())), byGrade, byAge, indicators);
    }

    @QueryHandler
    TaskStatuses handle(FindTaskStatuses query) {
        Map<String, RagStatus> statuses = new LinkedHashMap<>();
        jdbc.query("select task_id, status from task_status where plan_id = ?",
                rs -> {
                    statuses.put(rs.getString("task_id"), status(rs));
                }, query.planId());
        return new TaskStatuses(statuses);
    }

    @QueryHandler
    List<StatusRow> handle(FindStatusList query) {
        StringBuilder sql = new StringBuilder("select * from (").append(TASKS).append(" where t.plan_id = ?");
        List<Object> args = new ArrayList<>(List.of(query.planId()));
        if (query.unitId() != null) {
            sql.append(" and t.lead_unit_id = ?");
            args.add(query.unitId());
        }
        if (query.status() == StatusFilter.UNASSESSED) {
            sql.append(" and s.status is null");
        } else if (query.status() != null) {
            sql.append(" and s.status = ?");
            args.add(query.status().name());
        }
        sql.append(") x");
        if (FindStatusList.OUTSIDE_SECTIONS.equals(query.sectionId())) {
            // under no section, or under one that is not a top section of the plan: counted outside sections
            sql.append(" where top_id is null or top_id not in (select section_id from plan_section where plan_id = ? "
                    + "and parent_section_id is null)");
            args.add(query.planId());
        } else if (query.sectionId() != null) {
            sql.append(" where top_id = ?");
            args.add(query.sectionId());
        }
        return jdbc.query(sql.append(" order by number").toString(), (rs, row) -> statusRow(rs), args.toArray());
    }

    @QueryHandler
    List<OverdueReport> overdue(FindOverdueReports query) {
        StringBuilder sql = new StringBuilder("select r.task_id, r.plan_id, t.number, t.code, t.text, t.lead_unit_id, "
                + "t.lead_unit_name, r.period_key, r.due_on, r.status from task_report r "
                + "join plan_task t on t.task_id = r.task_id where r.overdue = true and r.status <> 'ACCEPTED'");
        List<Object> args = new ArrayList<>();
        if (query.planId() != null) {
            sql.append(" and r.plan_id = ?");
            args.add(query.planId());
        }
        if (query.unitId() != null) {
            sql.append(" and t.lead_unit_id = ?");
            args.add(query.unitId());
        }
        return jdbc.query(sql.append(" order by r.due_on, r.plan_id, t.number").toString(), (rs, row) -> {
            LocalDate dueOn = date(rs, "due_on");
            return new OverdueReport(rs.getString("task_id"), rs.getString("plan_id"),
                    TaskNumbers.shown(rs.getInt("number"), rs.getString("code")), rs.getString("text"),
                    rs.getString("lead_unit_id"), rs.getString("lead_unit_name"), rs.getString("period_key"), dueOn,
                    rs.getString("status"), Math.max(0, ChronoUnit.DAYS.between(dueOn, query.asOf())));
        }, args.toArray());
    }

    @QueryHandler
    List<OpenNotice> handle(FindOpenNotices query) {
        StringBuilder sql = new StringBuilder("select c.case_id, c.plan_id, c.task_id, t.text, c.indicator_id, c.unit_id, "
                + "c.unit_name, c.grade, c.stage, c.issued_at from supervision_case c "
                + "left join plan_task t on t.task_id = c.task_id where c.stage <> 'CLOSED_OUT'");
        List<Object> args = new ArrayList<>();
        if (query.planId() != null) {
            sql.append(" and c.plan_id = ?");
            args.add(query.planId());
        }
        if (query.unitId() != null) {
            sql.append(" and c.unit_id = ?");
            args.add(query.unitId());
        }
        if (query.grade() != null) {
            sql.append(" and c.grade = ?");
            args.add(query.grade().name());
        }
        return jdbc.query(sql.append(" order by c.issued_at, c.case_id").toString(), (rs, row) -> {
                    Instant issued = instant(rs, "issued_at");
                    long age = ageDays(issued, query.asOf());
                    return new OpenNotice(rs.getString("case_id"), rs.getString("plan_id"), rs.getString("task_id"),
                            rs.getString("text"), rs.getString("indicator_id"), rs.getString("unit_id"),
                            rs.getString("unit_name"), NoticeGrade.valueOf(rs.getString("grade")), rs.getString("stage"),
                            issued, age, NoticeAge.of(age));
                }, args.toArray()).stream()
                .filter(notice -> query.age() == null || notice.age() == query.age()).toList();
    }

    @QueryHandler
    UnitBoard handle(FindUnitBoard query) {
        List<StatusRow> tasks = jdbc.query(TASKS + " where t.lead_unit_id = ? order by t.plan_id, t.number",
                (rs, row) -> statusRow(rs), query.unitId());
        StatusCounts counts = StatusCounts.NONE;
        for (StatusRow task : tasks) {
            counts = counts.plus(task.status(), 1);
        }
        List<OpenNotice> notices = handle(new FindOpenNotices(null, query.unitId(), null, null, query.asOf()));
        Map<NoticeGrade, Integer> byGrade = zeros(NoticeGrade.class);
        notices.forEach(notice -> byGrade.merge(notice.grade(), 1, Integer::sum));
        return new UnitBoard(query.unitId(), counts, tasks,
                overdue(new FindOverdueReports(null, query.unitId(), query.asOf())), notices, byGrade);
    }

    @QueryHandler
    Optional<IndicatorTrajectory> handle(FindIndicatorTrajectory query) {
        return trajectories("i.indicator_id = ?", "v.indicator_id = ?", query.indicatorId()).stream().findFirst();
    }

    @QueryHandler
    List<IndicatorTrajectory> handle(FindPlanTrajectories query) {
        return trajectories("i.plan_id = ?", "v.plan_id = ?", query.planId());
    }

    /** Two queries: the indicators with their target in force and status, then every value reported for them. */
    private List<IndicatorTrajectory> trajectories(String indicatorFilter, String valueFilter, String key) {
        Map<String, List<IndicatorTrajectory.Reported>> reported = new LinkedHashMap<>();
        // ordered by version: a later row of a period replaces the earlier, and counts it as corrected once more
        Map<String, Map<String, IndicatorTrajectory.Reported>> latest = new LinkedHashMap<>();
        jdbc.query("select v.indicator_id, v.period_key, v.version, v.numeric_value, v.as_written from indicator_value v where "
                + valueFilter + " order by v.indicator_id, v.period_key, v.version", rs -> {
            String periodKey = rs.getString("period_key");
            latest.computeIfAbsent(rs.getString("indicator_id"), id -> new LinkedHashMap<>()).merge(periodKey,
                    new IndicatorTrajectory.Reported(periodKey, periodEnd(periodKey), rs.getBigDecimal("numeric_value"),
                            rs.getString("as_written"), 0),
                    (before, after) -> new IndicatorTrajectory.Reported(after.periodKey(), after.periodEnd(),
                            after.value(), after.asWritten(), before.corrections() + 1));
        }, key);
        latest.forEach((id, periods) -> reported.put(id, periods.values().stream()
                .sorted(Comparator.comparing(IndicatorTrajectory.Reported::periodEnd,
                        Comparator.nullsLast(Comparator.naturalOrder()))).toList()));
        return jdbc.query("select i.indicator_id, i.plan_id, i.number, i.code, i.name, i.unit_of_measure, i.baseline_year, "
                + "i.baseline_value, i.baseline_written, i.target_year, i.target_kind, i.target_low, i.target_high, "
                + "i.target_written, a.indicator_id as adjusted, a.target_year as a_year, a.target_kind as a_kind, "
                + "a.target_low as a_low, a.target_high as a_high, a.target_written as a_written, s.status "
                + "from plan_indicator i left join indicator_target a on a.indicator_id = i.indicator_id "
                + "left join indicator_status s on s.indicator_id = i.indicator_id where " + indicatorFilter
                + " order by i.number", (rs, row) -> {
            boolean adjusted = rs.getString("adjusted") != null;
            String prefix = adjusted ? "a_" : "target_";
            Integer baselineYear = integer(rs, "baseline_year");
            BigDecimal baseline = rs.getBigDecimal("baseline_value");
            Integer targetYear = integer(rs, adjusted ? "a_year" : "target_year");
            String kind = rs.getString(adjusted ? "a_kind" : "target_kind");
            BigDecimal low = rs.getBigDecimal(prefix + "low");
            BigDecimal high = rs.getBigDecimal(prefix + "high");
            String id = rs.getString("indicator_id");
            return new IndicatorTrajectory(id, rs.getString("plan_id"),
                    TaskNumbers.shown(rs.getInt("number"), rs.getString("code")), rs.getString("name"),
                    rs.getString("unit_of_measure"), baselineYear, baseline, rs.getString("baseline_written"), targetYear,
                    kind == null ? null : TargetKind.valueOf(kind), low, high, rs.getString(prefix + "written"), adjusted,
                    reported.getOrDefault(id, List.of()), path(baselineYear, baseline, targetYear, low, high), status(rs));
        }, key);
    }

    /**
     * The on-schedule path: a straight line from the baseline at the end of its year to the target at the end of the
     * target year, one point per year end; for a range both bounds, for a bound the bound alone. No baseline value, or
     * no year to draw between, means no path. The status rules' {@code IndicatorSchedule} (command side) draws the
     * same line; the query side cannot import it, so the line is computed here too.
     */
    static List<IndicatorTrajectory.PathPoint> path(Integer baselineYear, BigDecimal baseline, Integer targetYear,
                                                    BigDecimal low, BigDecimal high) {
        if (baselineYear == null || baseline == null || targetYear == null || targetYear <= baselineYear) {
            return List.of();
        }
        List<IndicatorTrajectory.PathPoint> path = new ArrayList<>();
        int years = targetYear - baselineYear;
        for (int year = baselineYear; year <= targetYear; year++) {
            BigDecimal share = BigDecimal.valueOf(year - baselineYear).divide(BigDecimal.valueOf(years), 10,
                    RoundingMode.HALF_UP);
            path.add(new IndicatorTrajectory.PathPoint(year, LocalDate.of(year, 12, 31), along(baseline, low, share),
                    along(baseline, high, share)));
        }
        return path;
    }

    private static BigDecimal along(BigDecimal from, BigDecimal to, BigDecimal share) {
        return to == null ? null : from.add(to.subtract(from).multiply(share)).setScale(4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }

    /** The last day of a reporting period from its key (2026-Q4, 2026-M11, 2026-H1, 2026); absent if unreadable. */
    static LocalDate periodEnd(String periodKey) {
        Matcher key = PERIOD.matcher(periodKey);
        if (!key.matches()) {
            return null;
        }
        int year = Integer.parseInt(key.group(1));
        int lastMonth = key.group(2) != null ? Integer.parseInt(key.group(2))
                : key.group(3) != null ? Integer.parseInt(key.group(3)) * 3
                : key.group(4) != null ? Integer.parseInt(key.group(4)) * 6 : 12;
        if (lastMonth < 1 || lastMonth > 12) {
            return null;
        }
        LocalDate first = LocalDate.of(year, lastMonth, 1);
        return first.withDayOfMonth(first.lengthOfMonth());
    }

    private static StatusRow statusRow(ResultSet rs) throws SQLException {
        return new StatusRow(rs.getString("task_id"), rs.getString("plan_id"),
                TaskNumbers.shown(rs.getInt("number"), rs.getString("code")), rs.getString("text"),
                rs.getString("lead_unit_id"), rs.getString("lead_unit_name"), rs.getString("top_id"),
                rs.getString("top_title"), status(rs), rs.getString("rule"), date(rs, "as_of"));
    }

    private static PlanBoard.Group plus(PlanBoard.Group group, RagStatus status, int count) {
        return new PlanBoard.Group(group.id(), group.name(), group.counts().plus(status, count));
    }

    private static <E extends Enum<E>> Map<E, Integer> zeros(Class<E> type) {
        Map<E, Integer> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0);
        }
        return counts;
    }

    private static long ageDays(Instant issued, LocalDate asOf) {
        return Math.max(0, ChronoUnit.DAYS.between(LocalDate.ofInstant(issued, OFFICE_ZONE), asOf));
    }

    private static RagStatus status(ResultSet rs) throws SQLException {
        String status = rs.getString("status");
        return status == null ? null : RagStatus.valueOf(status);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
