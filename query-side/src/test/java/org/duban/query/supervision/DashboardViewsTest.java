package org.duban.query.supervision;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.SectionAdded;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.supervision.FindOpenNotices;
import org.duban.api.supervision.FindPlanBoard;
import org.duban.api.supervision.FindStatusList;
import org.duban.api.supervision.FindUnitBoard;
import org.duban.api.supervision.NoticeAge;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.OpenNotice;
import org.duban.api.supervision.OverdueReport;
import org.duban.api.supervision.PlanBoard;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.StatusCounts;
import org.duban.api.supervision.StatusFilter;
import org.duban.api.supervision.StatusRow;
import org.duban.api.supervision.TaskStatusChanged;
import org.duban.api.supervision.UnitBoard;
import org.duban.api.task.TaskCreated;
import org.duban.api.unit.UnitRef;
import org.duban.query.Projections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A plan of two level-1 sections (one with a subsection) and a task outside them, led by two units: the dashboards
 * count statuses by section and by unit, list overdue reports and open notices, and every figure's list holds the
 * tasks it counts.
 */
@DataJpaTest(showSql = false)
class DashboardViewsTest {
    // units of their own: a unit's board reads every plan, and other tests' plans may have committed theirs
    private final UnitRef health = new UnitRef("unit-health-" + UUID.randomUUID(), "区卫生健康委");
    private final UnitRef finance = new UnitRef("unit-finance-" + UUID.randomUUID(), "区财政局");
    private static final PlanPeriod PERIOD = new PlanPeriod(2024, 2027);
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final ReportingPeriod Q3 = new ReportingPeriod("2026-Q3", LocalDate.of(2026, 7, 1),
            LocalDate.of(2026, 9, 30));

    @Autowired
    Projections projections;
    @Autowired
    JdbcTemplate jdbc;

    private final String planId = "p-" + UUID.randomUUID();
    private final String goals = "s-" + UUID.randomUUID();
    private final String tasksSection = "s-" + UUID.randomUUID();
    private final String subsection = "s-" + UUID.randomUUID();

    private String task(int number) {
        return planId + "-t" + number;
    }

    /**
     * Tasks 1 (health) in 一; 2 (health) and 3 (finance) in 二's subsection; 4 (finance) outside sections. Task 1 is
     * green, 2 red, 3 amber then green, 4 not assessed.
     */
    @BeforeEach
    void aPlan() {
        projections.given(new PlanCreated(planId, "大足区中医药传承创新发展实施方案", null, "大足区人民政府办公室", null, PERIOD,
                        null, "区政府督查室"),
                new SectionAdded(planId, goals, null, 1, "一、", "总体要求", 1),
                new SectionAdded(planId, tasksSection, null, 1, "二、", "重点任务", 2),
                new SectionAdded(planId, subsection, tasksSection, 2, "（一）", "提升中医药服务能力", 1),
                created(1, goals, health), created(2, subsection, health), created(3, subsection, finance),
                created(4, null, finance),
                status(1, null, RagStatus.GREEN), status(2, null, RagStatus.RED), status(3, null, RagStatus.AMBER),
                status(3, RagStatus.AMBER, RagStatus.GREEN));
    }

    private TaskCreated created(int number, String sectionId, UnitRef lead) {
        return new TaskCreated(task(number), planId, sectionId, number, null, "任务" + number, lead, List.of(), null, null,
                PERIOD, "区政府督查室");
    }

    private TaskStatusChanged status(int number, RagStatus from, RagStatus to) {
        return new TaskStatusChanged(task(number), planId, null, from, to, "task.rule", Map.of(), TODAY.minusDays(1));
    }

    private void overdue(int number, LocalDate dueOn) {
        projections.given(new ReportingPeriodOpened(task(number), planId, Q3, dueOn, dueOn.plusDays(7), health, List.of()),
                new ReportMarkedOverdue(task(number), Q3.key(), dueOn.plusDays(7)));
    }

    private void notice(String caseId, int task, UnitRef unit, NoticeGrade grade, String stage, LocalDate issued) {
        Timestamp at = Timestamp.from(issued.atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        jdbc.update("insert into supervision_case (case_id, plan_id, task_id, unit_id, unit_name, grade, case_trigger, stage, "
                        + "issued_at, updated_at) values (?, ?, ?, ?, ?, ?, 'MANUAL', ?, ?, ?)", caseId, planId, task(task),
                unit.unitId(), unit.name(), grade.name(), stage, at, at);
    }

    private PlanBoard board() {
        return projections.query(new FindPlanBoard(planId, TODAY), ResponseTypes.instanceOf(PlanBoard.class));
    }

    private List<StatusRow> list(String sectionId, String unitId, StatusFilter status) {
        return projections.query(new FindStatusList(planId, sectionId, unitId, status),
                ResponseTypes.multipleInstancesOf(StatusRow.class));
    }

    @Test
    void the_plan_counts_its_tasks_by_latest_status() {
        assertThat(board().tasks()).isEqualTo(new StatusCounts(2, 0, 1, 1));
    }

    @Test
    void tasks_count_under_their_level_1_section_and_those_outside_sections_apart() {
        assertThat(board().bySection()).extracting(PlanBoard.Group::id, PlanBoard.Group::name, PlanBoard.Group::counts)
                .containsExactly(tuple(goals, "总体要求", new StatusCounts(1, 0, 0, 0)),
                        tuple(tasksSection, "重点任务", new StatusCounts(1, 0, 1, 0)),
                        tuple(null, null, new StatusCounts(0, 0, 0, 1)));
    }

    @Test
    void tasks_count_under_their_lead_unit() {
        assertThat(board().byUnit()).extracting(PlanBoard.Group::id, PlanBoard.Group::name, PlanBoard.Group::counts)
                .containsExactlyInAnyOrder(tuple(health.unitId(), health.name(), new StatusCounts(1, 0, 1, 0)),
                        tuple(finance.unitId(), finance.name(), new StatusCounts(1, 0, 0, 1)));
    }

    @Test
    void each_figure_lists_the_tasks_it_counts() {
        assertThat(list(tasksSection, null, null)).extracting(StatusRow::taskId).containsExactly(task(2), task(3));
        assertThat(list(tasksSection, null, StatusFilter.RED)).extracting(StatusRow::taskId, StatusRow::sectionTitle)
                .containsExactly(tuple(task(2), "重点任务"));
        assertThat(list(FindStatusList.OUTSIDE_SECTIONS, null, null)).extracting(StatusRow::taskId).containsExactly(task(4));
        assertThat(list(null, finance.unitId(), StatusFilter.UNASSESSED)).extracting(StatusRow::taskId)
                .containsExactly(task(4));
        assertThat(list(null, null, StatusFilter.GREEN)).extracting(StatusRow::taskId).containsExactly(task(1), task(3));
        for (StatusFilter filter : StatusFilter.values()) {
            assertThat(list(null, null, filter)).as(filter.name()).hasSize(board().tasks().of(filter));
        }
    }

    @Test
    void overdue_reports_not_accepted_are_listed_with_their_days_overdue() {
        overdue(2, TODAY.minusDays(30));
        overdue(3, TODAY.minusDays(10));
        overdue(1, TODAY.minusDays(40));
        projections.given(new ReportAccepted(task(1), Q3.key(), 1, null));

        assertThat(board().overdue()).extracting(OverdueReport::taskId, OverdueReport::leadUnitName,
                        OverdueReport::periodKey, OverdueReport::daysOverdue)
                .containsExactly(tuple(task(2), health.name(), "2026-Q3", 30L), tuple(task(3), finance.name(), "2026-Q3", 10L));
    }

    @Test
    void open_notices_count_by_grade_and_by_days_since_issued() {
        notice("c-1", 1, health, NoticeGrade.REMINDER, "ISSUED", TODAY);
        notice("c-2", 2, health, NoticeGrade.LISTED, "RECTIFYING", TODAY.minusDays(7));
        notice("c-3", 2, health, NoticeGrade.NOTICE, "ISSUED", TODAY.minusDays(8));
        notice("c-4", 3, finance, NoticeGrade.NOTICE, "ISSUED", TODAY.minusDays(31));
        notice("c-5", 3, finance, NoticeGrade.LISTED, "CLOSED_OUT", TODAY.minusDays(60));

        PlanBoard board = board();
        assertThat(board.noticesByGrade()).containsExactly(Map.entry(NoticeGrade.REMINDER, 1),
                Map.entry(NoticeGrade.NOTICE, 2), Map.entry(NoticeGrade.LISTED, 1));
        assertThat(board.noticesByAge()).containsExactly(Map.entry(NoticeAge.WEEK, 2), Map.entry(NoticeAge.MONTH, 1),
                Map.entry(NoticeAge.OLDER, 1));
        assertThat(board.openNotices()).isEqualTo(4);
        assertThat(projections.query(new FindOpenNotices(planId, null, NoticeGrade.NOTICE, NoticeAge.OLDER, TODAY),
                ResponseTypes.multipleInstancesOf(OpenNotice.class))).extracting(OpenNotice::caseId, OpenNotice::ageDays,
                OpenNotice::taskText).containsExactly(tuple("c-4", 31L, "任务3"));
    }

    @Test
    void a_plan_without_notices_counts_zero_of_every_grade_and_age() {
        assertThat(board().noticesByGrade()).containsOnlyKeys(NoticeGrade.values()).allSatisfy((grade, count) ->
                assertThat(count).isZero());
        assertThat(board().noticesByAge()).containsOnlyKeys(NoticeAge.values());
    }

    @Test
    void a_unit_sees_the_tasks_it_leads_its_overdue_reports_and_its_open_notices() {
        overdue(2, TODAY.minusDays(3));
        overdue(3, TODAY.minusDays(3));
        notice("c-1", 1, health, NoticeGrade.REMINDER, "ISSUED", TODAY);
        notice("c-2", 3, finance, NoticeGrade.NOTICE, "ISSUED", TODAY);

        UnitBoard board = projections.query(new FindUnitBoard(health.unitId(), TODAY), ResponseTypes.instanceOf(UnitBoard.class));
        assertThat(board.tasks()).isEqualTo(new StatusCounts(1, 0, 1, 0));
        assertThat(board.taskRows()).extracting(StatusRow::taskId).containsExactly(task(1), task(2));
        assertThat(board.overdue()).extracting(OverdueReport::taskId).containsExactly(task(2));
        assertThat(board.notices()).extracting(OpenNotice::caseId).containsExactly("c-1");
        assertThat(board.noticesByGrade()).containsEntry(NoticeGrade.REMINDER, 1).containsEntry(NoticeGrade.NOTICE, 0);
    }
}
