package org.duban.query.supervision;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.supervision.FindTasksRedTwoPeriods;
import org.duban.api.supervision.FindTasksRedTwoPeriods.Task;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.TaskStatusChanged;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tasks red at the end of each of their last two ended periods: the periods are the reports projection's rows
 * (written here by hand: another part of the application keeps them), the statuses are given as events to the status
 * projection.
 */
@DataJpaTest(showSql = false)
@Import(TasksRedTwoPeriods.class)
class TasksRedTwoPeriodsTest {
    private static final LocalDate Q2_START = LocalDate.of(2026, 4, 1);
    private static final LocalDate Q2_END = LocalDate.of(2026, 6, 30);
    private static final LocalDate Q3_START = LocalDate.of(2026, 7, 1);
    private static final LocalDate Q3_END = LocalDate.of(2026, 9, 30);
    private static final LocalDate Q4_START = LocalDate.of(2026, 10, 1);
    private static final LocalDate Q4_END = LocalDate.of(2026, 12, 31);
    /** Q2 and Q3 have ended, Q4 runs. */
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 20);

    @Autowired
    Projections projections;
    @Autowired
    JdbcTemplate jdbc;

    private final String planId = "p-" + UUID.randomUUID();
    private final String taskId = "t-" + UUID.randomUUID();

    private void quarterlyReports(String taskId) {
        report(taskId, "2026-Q2", Q2_START, Q2_END);
        report(taskId, "2026-Q3", Q3_START, Q3_END);
        report(taskId, "2026-Q4", Q4_START, Q4_END);
    }

    private void report(String taskId, String periodKey, LocalDate start, LocalDate end) {
        jdbc.update("insert into task_report (task_id, period_key, plan_id, period_start, period_end, due_on, overdue_on, "
                        + "status, round, overdue, escalated, reminders) values (?, ?, ?, ?, ?, ?, ?, 'ACCEPTED', 1, false, "
                        + "false, 0)", taskId, periodKey, planId, start, end, end.plusDays(10), end.plusDays(15));
    }

    /** The task's status changes, each from the one before, on these as-of days. */
    private void statuses(String taskId, Object... dayThenStatus) {
        RagStatus from = null;
        for (int i = 0; i < dayThenStatus.length; i += 2) {
            RagStatus to = (RagStatus) dayThenStatus[i + 1];
            projections.given(new TaskStatusChanged(taskId, planId, "unit-health", from, to,
                    to == RagStatus.RED ? "task.lagging" : "task.on-schedule", Map.of(), (LocalDate) dayThenStatus[i]));
            from = to;
        }
    }

    private List<Task> redTwoPeriods(LocalDate today) {
        return projections.query(new FindTasksRedTwoPeriods(today),
                        ResponseTypes.multipleInstancesOf(Task.class)).stream()
                .filter(task -> task.planId().equals(planId)).toList();
    }

    @Test
    void a_task_red_at_the_end_of_both_ended_periods_is_listed_with_the_two_periods() {
        quarterlyReports(taskId);
        // red from the last day of Q2 on: the change on the period's last day counts for its end
        statuses(taskId, Q2_START, RagStatus.GREEN, Q2_END, RagStatus.RED);

        assertThat(redTwoPeriods(TODAY)).containsExactly(new Task(taskId, planId, "2026-Q2", "2026-Q3"));
    }

    @Test
    void a_task_red_then_green_again_at_the_later_end_is_not_listed() {
        quarterlyReports(taskId);
        statuses(taskId, Q2_START, RagStatus.RED, LocalDate.of(2026, 9, 10), RagStatus.GREEN);

        assertThat(redTwoPeriods(TODAY)).isEmpty();
    }

    @Test
    void a_task_red_only_now_or_only_at_the_later_end_is_not_listed() {
        String redNow = "t-" + UUID.randomUUID();
        quarterlyReports(taskId);
        quarterlyReports(redNow);
        statuses(taskId, Q2_START, RagStatus.AMBER, LocalDate.of(2026, 8, 3), RagStatus.RED);
        statuses(redNow, Q2_START, RagStatus.GREEN, Q4_START.plusDays(4), RagStatus.RED);

        assertThat(redTwoPeriods(TODAY)).isEmpty();
    }

    @Test
    void a_task_with_only_one_ended_period_is_not_listed_however_long_it_is_red() {
        quarterlyReports(taskId);
        statuses(taskId, LocalDate.of(2026, 1, 5), RagStatus.RED);

        // on Q3's last day Q3 has not ended yet
        assertThat(redTwoPeriods(Q3_END)).isEmpty();
        assertThat(redTwoPeriods(Q3_END.plusDays(1))).containsExactly(new Task(taskId, planId, "2026-Q2", "2026-Q3"));
    }

    @Test
    void only_the_last_two_ended_periods_count() {
        report(taskId, "2026-Q1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31));
        quarterlyReports(taskId);
        // red at the ends of Q1 and Q2, green at the end of Q3
        statuses(taskId, LocalDate.of(2026, 2, 1), RagStatus.RED, LocalDate.of(2026, 8, 1), RagStatus.GREEN);

        assertThat(redTwoPeriods(TODAY)).isEmpty();
        assertThat(redTwoPeriods(Q3_END)).containsExactly(new Task(taskId, planId, "2026-Q1", "2026-Q2"));
    }

    @Test
    void of_two_changes_on_a_periods_last_day_the_later_recorded_decides_its_end() {
        quarterlyReports(taskId);
        statuses(taskId, LocalDate.of(2026, 5, 1), RagStatus.RED, Q3_END, RagStatus.GREEN, Q3_END, RagStatus.RED);

        assertThat(redTwoPeriods(TODAY)).containsExactly(new Task(taskId, planId, "2026-Q2", "2026-Q3"));
    }
}
