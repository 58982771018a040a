package org.duban.app.supervision.dashboard;

import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.ManagementService;
import org.duban.api.supervision.FindOpenNotices;
import org.duban.api.supervision.FindPlanBoard;
import org.duban.api.supervision.FindStatusList;
import org.duban.api.supervision.NoticeAge;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.OpenNotice;
import org.duban.api.supervision.OverdueReport;
import org.duban.api.supervision.PlanBoard;
import org.duban.api.supervision.StatusCounts;
import org.duban.api.supervision.StatusFilter;
import org.duban.api.supervision.StatusRow;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.EngineClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code FindPlanBoard} on the whole application and its database (H2 and PostgreSQL): the Dazu plan's board counts
 * what the test's events say (see {@link DashboardScenario}), and the lists behind its figures hold those tasks.
 */
@DubanIntegrationTest
@TestPropertySource(properties = "duban.test.context=dashboards")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanBoardIT {
    @Autowired
    TestRestTemplate http;
    @Autowired
    EventGateway events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    QueryGateway queries;
    @Autowired
    ManagementService management;
    private DashboardScenario plan;

    @BeforeAll
    void givenThePlan() {
        plan = DashboardScenario.build(http, events, transactions, jdbc, "大足区中医药传承创新发展实施方案（看板查询）");
    }

    @AfterAll
    void resetClock() {
        EngineClock.resetAndSettle(management);
    }

    private PlanBoard board() {
        return queries.query(new FindPlanBoard(plan.planId, plan.today), ResponseTypes.instanceOf(PlanBoard.class)).join();
    }

    @Test
    void the_plan_counts_each_task_once_at_its_latest_status() {
        PlanBoard board = board();
        assertThat(board.tasks()).isEqualTo(new StatusCounts(1, 0, 2, plan.taskCount - 3));
        assertThat(board.bySection().stream().mapToInt(group -> group.counts().total()).sum()).isEqualTo(plan.taskCount);
        assertThat(board.byUnit().stream().mapToInt(group -> group.counts().total()).sum()).isEqualTo(plan.taskCount);
        PlanBoard.Group health = board.byUnit().stream().filter(group -> plan.healthUnitId.equals(group.id()))
                .findFirst().orElseThrow();
        assertThat(health.name()).isEqualTo(DashboardScenario.HEALTH);
        assertThat(health.counts().green()).isEqualTo(1);
        assertThat(health.counts().red()).isEqualTo(2);
        assertThat(health.counts().amber()).isZero();
    }

    @Test
    void the_overdue_list_holds_the_two_reports_left_open_with_their_days_overdue() {
        long days = ChronoUnit.DAYS.between(plan.dueOn, plan.today);
        assertThat(board().overdue()).extracting(OverdueReport::taskId, OverdueReport::periodKey,
                        OverdueReport::leadUnitName, OverdueReport::daysOverdue)
                .containsExactlyInAnyOrder(tuple(plan.tasks.get(1), "2026-Q4", DashboardScenario.HEALTH, days),
                        tuple(plan.tasks.get(2), "2026-Q4", DashboardScenario.HEALTH, days));
    }

    @Test
    void open_notices_count_by_grade_and_age_and_a_closed_out_case_is_not_counted() {
        PlanBoard board = board();
        assertThat(board.noticesByGrade()).containsExactly(Map.entry(NoticeGrade.REMINDER, 1),
                Map.entry(NoticeGrade.NOTICE, 1), Map.entry(NoticeGrade.LISTED, 1));
        assertThat(board.noticesByAge()).containsExactly(Map.entry(NoticeAge.WEEK, 1), Map.entry(NoticeAge.MONTH, 1),
                Map.entry(NoticeAge.OLDER, 1));
        assertThat(queries.query(new FindOpenNotices(plan.planId, null, NoticeGrade.LISTED, null, plan.today),
                ResponseTypes.multipleInstancesOf(OpenNotice.class)).join()).extracting(OpenNotice::taskId,
                OpenNotice::ageDays).containsExactly(tuple(plan.tasks.get(2), 40L));
    }

    @Test
    void the_list_behind_each_status_count_has_as_many_tasks() {
        PlanBoard board = board();
        for (StatusFilter filter : StatusFilter.values()) {
            List<StatusRow> rows = queries.query(new FindStatusList(plan.planId, null, null, filter),
                    ResponseTypes.multipleInstancesOf(StatusRow.class)).join();
            assertThat(rows).as(filter.name()).hasSize(board.tasks().of(filter));
        }
        assertThat(queries.query(new FindStatusList(plan.planId, null, plan.healthUnitId, StatusFilter.RED),
                ResponseTypes.multipleInstancesOf(StatusRow.class)).join()).extracting(StatusRow::taskId)
                .containsExactlyInAnyOrder(plan.tasks.get(1), plan.tasks.get(2));
        for (PlanBoard.Group section : board.bySection()) {
            List<StatusRow> rows = queries.query(new FindStatusList(plan.planId, section.id() == null
                            ? FindStatusList.OUTSIDE_SECTIONS : section.id(), null, null),
                    ResponseTypes.multipleInstancesOf(StatusRow.class)).join();
            assertThat(rows).as(section.name()).hasSize(section.counts().total());
        }
    }

    @Test
    void the_status_events_went_through_the_event_bus_into_the_status_views() {
        // the scenario's four changes, told apart by their figures from those the assessments record on their own
        assertThat(jdbc.queryForObject("select count(*) from status_change where plan_id = ? and figures in "
                        + "('{\"reportedPercent\":\"60\"}', '{\"overdueReports\":\"1\"}', '{\"elapsedShare\":\"0.6\"}')",
                Integer.class, plan.planId)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select figures from task_status where task_id = ?", String.class,
                plan.tasks.get(2))).isEqualTo("{\"overdueReports\":\"1\"}");
    }
}
