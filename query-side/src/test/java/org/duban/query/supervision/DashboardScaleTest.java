package org.duban.query.supervision;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.supervision.FindPlanBoard;
import org.duban.api.supervision.FindStatusList;
import org.duban.api.supervision.PlanBoard;
import org.duban.api.supervision.StatusFilter;
import org.duban.api.supervision.StatusRow;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan of 10,000 tasks in 12 sections of three levels, led by 60 units, 9,000 of them assessed, 1,500 reports overdue
 * and 600 open notices: the board's counts and lists, and a section's red tasks, are right at that size.
 */
@DataJpaTest(showSql = false)
class DashboardScaleTest {
    private static final int TASKS = 10_000;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Autowired
    Projections projections;
    @Autowired
    JdbcTemplate jdbc;

    private final String planId = "p-" + UUID.randomUUID();

    @Test
    void the_board_of_ten_thousand_tasks_answers_quickly() {
        List<Object[]> sections = new ArrayList<>();
        for (int top = 0; top < 12; top++) {
            sections.add(new Object[]{planId + "-s" + top, planId, null, 1, "第" + top + "部分", top});
            sections.add(new Object[]{planId + "-s" + top + "-1", planId, planId + "-s" + top, 2, "小节", 0});
            sections.add(new Object[]{planId + "-s" + top + "-1-1", planId, planId + "-s" + top + "-1", 3, "子项", 0});
        }
        jdbc.batchUpdate("insert into plan_section (section_id, plan_id, parent_section_id, level, title, position) "
                + "values (?, ?, ?, ?, ?, ?)", sections);
        List<Object[]> tasks = new ArrayList<>();
        List<Object[]> statuses = new ArrayList<>();
        List<Object[]> reports = new ArrayList<>();
        List<Object[]> cases = new ArrayList<>();
        Timestamp now = Timestamp.from(Instant.now());
        String[] rag = {"GREEN", "AMBER", "RED"};
        for (int i = 0; i < TASKS; i++) {
            String taskId = planId + "-t" + i;
            String section = planId + "-s" + (i % 12) + (i % 3 == 0 ? "" : i % 3 == 1 ? "-1" : "-1-1");
            tasks.add(new Object[]{taskId, planId, section, i + 1, "任务" + i, "unit-" + (i % 60), "单位" + (i % 60)});
            if (i % 10 != 0) {
                statuses.add(new Object[]{taskId, planId, rag[i % 3], "rule", Date.valueOf(TODAY), now});
            }
            if (i % 20 < 3) {
                reports.add(new Object[]{taskId, "2026-Q3", planId, Date.valueOf(TODAY.minusDays(40))});
            }
            if (i % 50 < 3) {
                cases.add(new Object[]{"c-" + taskId, planId, taskId, "unit-" + (i % 60), "单位" + (i % 60),
                        rag[i % 3].equals("RED") ? "LISTED" : "NOTICE", Timestamp.from(Instant.now().minus(Duration.ofDays(i % 40)))});
            }
        }
        jdbc.batchUpdate("insert into plan_task (task_id, plan_id, section_id, number, text, lead_unit_id, lead_unit_name) "
                + "values (?, ?, ?, ?, ?, ?, ?)", tasks);
        jdbc.batchUpdate("insert into task_status (task_id, plan_id, status, rule, as_of, since) values (?, ?, ?, ?, ?, ?)",
                statuses);
        jdbc.batchUpdate("insert into task_report (task_id, period_key, plan_id, period_start, period_end, due_on, overdue_on, "
                + "status, round, overdue, escalated, reminders) values (?, ?, ?, date '2026-07-01', date '2026-09-30', ?, "
                + "date '2026-10-20', 'OPEN', 0, true, false, 0)", reports);
        jdbc.batchUpdate("insert into supervision_case (case_id, plan_id, task_id, unit_id, unit_name, grade, case_trigger, "
                + "stage, issued_at, updated_at) values (?, ?, ?, ?, ?, ?, 'MANUAL', 'ISSUED', ?, ?)",
                cases.stream().map(row -> new Object[]{row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[6]}).toList());

        PlanBoard board = projections.query(new FindPlanBoard(planId, TODAY), ResponseTypes.instanceOf(PlanBoard.class));
        List<StatusRow> red = projections.query(new FindStatusList(planId, planId + "-s2", null, StatusFilter.RED),
                ResponseTypes.multipleInstancesOf(StatusRow.class));

        assertThat(board.tasks().total()).isEqualTo(TASKS);
        assertThat(board.tasks().unassessed()).isEqualTo(TASKS / 10);
        assertThat(board.bySection()).hasSize(12);
        assertThat(board.byUnit()).hasSize(60);
        assertThat(board.overdue()).hasSize(reports.size());
        assertThat(board.openNotices()).isEqualTo(cases.size());
        assertThat(red).isNotEmpty().allSatisfy(row -> assertThat(row.sectionId()).isEqualTo(planId + "-s2"));
    }
}
