package org.duban.command.supervision;

import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.StatusRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A task due at the end of 2025, its span starting with the year: on 2 July half of it has elapsed. */
class TaskScheduleTest {
    private static final StatusRules RULES = StatusRules.defaults();
    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final LocalDate DUE = LocalDate.of(2025, 12, 31);
    private static final LocalDate MID_YEAR = LocalDate.of(2025, 7, 2);

    private static TaskSchedule reported(Integer percent) {
        return new TaskSchedule(START, DUE, DUE, true, percent, false, 0, 0);
    }

    private static TaskSchedule nothingReported() {
        return new TaskSchedule(START, DUE, DUE, false, null, false, 0, 0);
    }

    private static Judgement judge(TaskSchedule schedule, LocalDate asOf, NoticeGrade... notices) {
        return schedule.judge(asOf, List.of(notices), RULES);
    }

    @Test
    void a_task_whose_progress_keeps_up_with_the_elapsed_share_is_on_schedule() {
        Judgement judgement = judge(reported(40), MID_YEAR);
        assertThat(judgement.status()).isEqualTo(RagStatus.GREEN);
        assertThat(judgement.rule()).isEqualTo("task.on-schedule");
        assertThat(judgement.figures()).containsEntry("elapsedShare", "50").containsEntry("reportedPercent", "40")
                .containsEntry("lag", "10").containsEntry("dueDate", "2025-12-31");
    }

    @Test
    void a_task_trailing_by_more_than_the_amber_lag_is_behind_and_by_more_than_the_red_lag_is_lagging() {
        assertThat(judge(reported(30), MID_YEAR)).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.AMBER, "task.behind");
        assertThat(judge(reported(10), MID_YEAR)).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.RED, "task.lagging");
        assertThat(judge(reported(10), MID_YEAR).figures()).containsEntry("lag", "40").containsEntry("redLag", "30");
    }

    @Test
    void the_lags_are_configuration() {
        StatusRules lenient = new StatusRules(45, 60, 25, 10, 25, 5, 15);
        assertThat(reported(10).judge(MID_YEAR, List.of(), lenient).status()).isEqualTo(RagStatus.GREEN);
    }

    @Test
    void a_complete_task_is_green_even_after_its_due_date() {
        assertThat(judge(reported(100), LocalDate.of(2026, 3, 1))).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.GREEN, "task.complete");
    }

    @Test
    void a_task_past_its_due_date_and_not_complete_is_red() {
        assertThat(judge(reported(90), LocalDate.of(2026, 1, 1))).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.RED, "task.past-due");
        assertThat(judge(reported(90), DUE).status()).isNotEqualTo(RagStatus.RED);
    }

    @Test
    void an_overdue_report_makes_the_task_red() {
        TaskSchedule overdue = new TaskSchedule(START, DUE, DUE, true, 60, false, 1, 0);
        assertThat(judge(overdue, MID_YEAR)).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.RED, "task.overdue-report");
    }

    @Test
    void a_returned_report_waiting_makes_the_task_at_least_amber() {
        TaskSchedule returned = new TaskSchedule(START, DUE, DUE, true, 60, false, 0, 1);
        assertThat(judge(returned, MID_YEAR)).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.AMBER, "task.returned-report");
        TaskSchedule returnedAndLagging = new TaskSchedule(START, DUE, DUE, true, 5, false, 0, 1);
        assertThat(judge(returnedAndLagging, MID_YEAR).status()).isEqualTo(RagStatus.RED);
    }

    @Test
    void listed_supervision_makes_the_task_red_a_notice_at_least_amber_and_a_reminder_changes_nothing() {
        assertThat(judge(reported(60), MID_YEAR, NoticeGrade.LISTED)).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.RED, "task.listed");
        assertThat(judge(reported(60), MID_YEAR, NoticeGrade.NOTICE)).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.AMBER, "task.notice");
        assertThat(judge(reported(60), MID_YEAR, NoticeGrade.REMINDER)).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.GREEN, "task.on-schedule");
        assertThat(judge(reported(60), MID_YEAR, NoticeGrade.NOTICE).figures()).containsEntry("openNotices", "[NOTICE]");
    }

    @Test
    void nothing_reported_early_in_the_span_is_green_and_later_counts_as_nothing_done() {
        assertThat(judge(nothingReported(), LocalDate.of(2025, 2, 1))).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.GREEN, "task.early");
        // 28.6 % elapsed, nothing done: behind by more than 15 points
        assertThat(judge(nothingReported(), LocalDate.of(2025, 4, 15))).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.AMBER, "task.behind");
        assertThat(judge(nothingReported(), LocalDate.of(2025, 5, 15))).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.RED, "task.lagging");
    }

    @Test
    void a_report_saying_the_task_is_behind_schedule_makes_it_amber() {
        TaskSchedule behind = new TaskSchedule(START, DUE, DUE, true, 50, true, 0, 0);
        assertThat(judge(behind, MID_YEAR)).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.AMBER, "task.reported-behind");
    }

    @Test
    void a_report_without_a_percent_is_judged_by_the_other_rules_only() {
        assertThat(judge(reported(null), LocalDate.of(2025, 11, 1))).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.GREEN, "task.on-schedule");
    }

    @Test
    void the_elapsed_share_stays_between_nothing_and_all() {
        assertThat(reported(0).elapsedShare(LocalDate.of(2024, 6, 1))).isEqualByComparingTo("0");
        assertThat(reported(0).elapsedShare(LocalDate.of(2027, 6, 1))).isEqualByComparingTo("100");
        assertThat(new TaskSchedule(null, null, null, false, null, false, 0, 0).elapsedShare(MID_YEAR)).isNull();
    }
}
