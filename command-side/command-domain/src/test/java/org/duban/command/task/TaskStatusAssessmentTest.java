package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.duban.api.NotAuthorized;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.supervision.AssessTaskStatus;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.StatusRules;
import org.duban.api.supervision.TaskStatusChanged;
import org.duban.api.task.TaskClosed;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskDueDateAdjusted;
import org.axonframework.messaging.Message;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.duban.command.task.TaskHistory.CITY_SUPERVISOR;
import static org.duban.command.task.TaskHistory.DISTRICT_SUPERVISOR;
import static org.duban.command.task.TaskHistory.FINANCE;
import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.HEALTH_USER;
import static org.duban.command.task.TaskHistory.OVERDUE;
import static org.duban.command.task.TaskHistory.PLAN_YEARS;
import static org.duban.command.task.TaskHistory.OFFICE;
import static org.duban.command.task.TaskHistory.assigned;
import static org.duban.command.task.TaskHistory.created;
import static org.duban.command.task.TaskHistory.open;
import static org.duban.command.task.TaskHistory.submitted;

/**
 * The on-schedule status of task t-1 (plan years 2024—2027, no due date of its own: its span is the plan's four
 * years). A change of status is recorded with the rule and the figures; the same status again records nothing.
 */
class TaskStatusAssessmentTest {
    private static final LocalDate EARLY = LocalDate.of(2024, 2, 1);
    private static final StatusRules RULES = StatusRules.defaults();
    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    private static AssessTaskStatus assess(LocalDate asOf, NoticeGrade... notices) {
        return new AssessTaskStatus("t-1", asOf, List.of(notices), RULES);
    }

    private static TaskStatusChanged green() {
        return new TaskStatusChanged("t-1", "p-1", HEALTH.unitId(), null, RagStatus.GREEN, "task.early", Map.of(), EARLY);
    }

    /** Exactly one event: a status change of which {@code expected} holds. */
    static Matcher<List<Message<?>>> onlyChange(Predicate<TaskStatusChanged> expected) {
        Matcher<Object> change = Matchers.predicate(payload -> payload instanceof TaskStatusChanged changed
                && expected.test(changed));
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(change, Matchers.andNoMore()));
    }

    @Test
    void the_first_assessment_records_the_status_with_no_status_before_it() {
        fixture.given(open())
                .when(assess(EARLY))
                .expectResultMessagePayload(true)
                .expectEvents(new TaskStatusChanged("t-1", "p-1", HEALTH.unitId(), null, RagStatus.GREEN, "task.early",
                        Map.of("asOf", "2024-02-01", "spanStart", "2024-01-01", "elapsedShare", "2.1",
                                "overdueReports", "0", "returnedReports", "0", "earlyShare", "25"), EARLY));
    }

    @Test
    void the_same_status_again_records_nothing() {
        fixture.given(open(green()))
                .when(assess(EARLY.plusDays(20)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void an_overdue_report_turns_the_task_red() {
        fixture.given(open(green(), new ReportMarkedOverdue("t-1", "2025-Q1", OVERDUE)))
                .when(assess(OVERDUE))
                .expectEventsMatching(onlyChange(change -> change.fromStatus() == RagStatus.GREEN
                        && change.toStatus() == RagStatus.RED && change.rule().equals("task.overdue-report")
                        && change.values().get("overdueReports").equals("1")));
    }

    @Test
    void a_returned_report_turns_it_amber_until_it_is_submitted_again() {
        fixture.given(open(green(), submitted(1), new ReportReturned("t-1", "2025-Q1", 1, "数据不全")))
                .when(assess(EARLY.plusDays(30)))
                .expectEventsMatching(onlyChange(change -> change.toStatus() == RagStatus.AMBER
                        && change.rule().equals("task.returned-report")));
        fixture.given(open(green(), submitted(1), new ReportReturned("t-1", "2025-Q1", 1, "数据不全"), submitted(2)))
                .when(assess(EARLY.plusDays(30)))
                .expectNoEvents();
    }

    @Test
    void the_accepted_reports_percent_is_compared_with_the_elapsed_share() {
        // on 1 July 2025 37.5 % of the four years has elapsed; the accepted report says 40 %
        fixture.given(open(submitted(1), new ReportAccepted("t-1", "2025-Q1", 1, null)))
                .when(assess(LocalDate.of(2025, 7, 1)))
                .expectEventsMatching(onlyChange(change -> change.toStatus() == RagStatus.GREEN
                        && change.rule().equals("task.on-schedule") && change.values().get("reportedPercent").equals("40")
                        && change.values().get("elapsedShare").equals("37.5")));
        // by 1 July 2026 62.5 % has elapsed: 22.5 points behind
        fixture.given(open(green(), submitted(1), new ReportAccepted("t-1", "2025-Q1", 1, null)))
                .when(assess(LocalDate.of(2026, 7, 1)))
                .expectEventsMatching(onlyChange(change -> change.toStatus() == RagStatus.AMBER
                        && change.rule().equals("task.behind") && change.values().get("lag").equals("22.5")));
    }

    @Test
    void open_notices_given_with_the_command_raise_the_status() {
        fixture.given(open(green()))
                .when(assess(EARLY, NoticeGrade.REMINDER, NoticeGrade.LISTED))
                .expectEventsMatching(onlyChange(change -> change.toStatus() == RagStatus.RED
                        && change.rule().equals("task.listed")));
        fixture.given(open(green()))
                .when(assess(EARLY, NoticeGrade.NOTICE))
                .expectEventsMatching(onlyChange(change -> change.toStatus() == RagStatus.AMBER
                        && change.rule().equals("task.notice")));
    }

    @Test
    void the_due_date_in_force_decides_whether_the_task_is_past_due() {
        TaskCreated dueMidYear = new TaskCreated("t-1", "p-1", "s-1", 1, "1", "做大做强区中医院。", HEALTH,
                List.of(FINANCE), LocalDate.of(2025, 6, 30), null, PLAN_YEARS, OFFICE);
        List<Object> history = List.of(dueMidYear, assigned(), TaskHistory.acknowledged(), TaskHistory.opened(),
                submitted(1), new ReportAccepted("t-1", "2025-Q1", 1, null));
        fixture.given(history)
                .when(assess(LocalDate.of(2025, 7, 1)))
                .expectEventsMatching(onlyChange(change -> change.toStatus() == RagStatus.RED
                        && change.rule().equals("task.past-due") && change.values().get("dueDate").equals("2025-06-30")));
        List<Object> moved = new ArrayList<>(history);
        moved.add(new TaskDueDateAdjusted("t-1", "p-1", "a-1", LocalDate.of(2025, 6, 30), LocalDate.of(2025, 12, 31)));
        fixture.given(moved)
                .when(assess(LocalDate.of(2025, 7, 1)))
                .expectEventsMatching(onlyChange(change -> !change.rule().equals("task.past-due")
                        && change.values().get("dueDate").equals("2025-12-31")));
    }

    @Test
    void a_task_not_yet_acknowledged_or_closed_is_not_assessed() {
        fixture.given(created(), assigned())
                .when(assess(EARLY))
                .expectResultMessagePayload(false)
                .expectNoEvents();
        fixture.given(open(new TaskClosed("t-1", "合并到第2项")))
                .when(assess(EARLY))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void the_system_and_the_offices_supervisors_assess_others_may_not() {
        fixture.given(open())
                .when(assess(EARLY), DISTRICT_SUPERVISOR)
                .expectResultMessagePayload(true);
        fixture.given(open())
                .when(assess(EARLY), CITY_SUPERVISOR)
                .expectException(NotAuthorized.class)
                .expectNoEvents();
        fixture.given(open())
                .when(assess(EARLY), HEALTH_USER)
                .expectException(NotAuthorized.class)
                .expectNoEvents();
    }
}
