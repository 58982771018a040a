package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.reporting.MarkReportOverdue;
import org.duban.api.reporting.RemindReport;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportDrafted;
import org.duban.api.reporting.ReportEscalated;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportReminded;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.task.TaskAcknowledged;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.duban.command.task.TaskHistory.CONTENT;
import static org.duban.command.task.TaskHistory.DISTRICT_SUPERVISOR;
import static org.duban.command.task.TaskHistory.DUE;
import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.OVERDUE;
import static org.duban.command.task.TaskHistory.assigned;
import static org.duban.command.task.TaskHistory.created;
import static org.duban.command.task.TaskHistory.open;
import static org.duban.command.task.TaskHistory.opened;
import static org.duban.command.task.TaskHistory.submitted;

/**
 * Reminders (催办) and the overdue mark concern a report the unit still holds. Timers send both and find nothing
 * to do once the report has left the unit; a supervisor who reminds is told there is nothing to remind.
 */
class TaskReminderTest {
    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    @Test
    void reminders_and_overdue_marks_apply_only_to_reports_still_with_the_unit() {
        var open = List.<Object>of(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened());
        fixture.given(open).when(new RemindReport("t-1", "2025-Q1", null))
                .expectEvents(new ReportReminded("t-1", "2025-Q1", DUE, null)).expectResultMessagePayload(true);
        fixture.given(open).when(new MarkReportOverdue("t-1", "2025-Q1"))
                .expectEvents(new ReportMarkedOverdue("t-1", "2025-Q1", OVERDUE), new ReportEscalated("t-1", "2025-Q1"))
                .expectResultMessagePayload(true);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1))
                .when(new MarkReportOverdue("t-1", "2025-Q1")).expectNoEvents().expectResultMessagePayload(false);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1))
                .when(new RemindReport("t-1", "2025-Q1", null)).expectNoEvents().expectResultMessagePayload(false);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(),
                        new ReportMarkedOverdue("t-1", "2025-Q1", OVERDUE))
                .when(new MarkReportOverdue("t-1", "2025-Q1")).expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void a_supervisor_reminds_the_unit_of_a_report_it_is_writing_or_writing_again() {
        fixture.given(open(new ReportDrafted("t-1", "2025-Q1", HEALTH.unitId(), CONTENT)))
                .when(new RemindReport("t-1", "2025-Q1", "请按时报送"), DISTRICT_SUPERVISOR)
                .expectEvents(new ReportReminded("t-1", "2025-Q1", DUE, "请按时报送")).expectResultMessagePayload(true);
        fixture.given(open(submitted(1), new ReportReturned("t-1", "2025-Q1", 1, "缺少佐证材料")))
                .when(new RemindReport("t-1", "2025-Q1", "请补充材料"), DISTRICT_SUPERVISOR)
                .expectEvents(new ReportReminded("t-1", "2025-Q1", DUE, "请补充材料")).expectResultMessagePayload(true);
    }

    @Test
    void a_supervisor_cannot_remind_the_unit_of_a_report_it_no_longer_holds() {
        fixture.given(open(submitted(1)))
                .when(new RemindReport("t-1", "2025-Q1", "请按时报送"), DISTRICT_SUPERVISOR)
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the 2025-Q1 report of task t-1 is not with the unit any more: nothing to remind")
                .expectNoEvents();
        fixture.given(open(submitted(1), new ReportAccepted("t-1", "2025-Q1", 1, null)))
                .when(new RemindReport("t-1", "2025-Q1", "请按时报送"), DISTRICT_SUPERVISOR)
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the 2025-Q1 report of task t-1 is not with the unit any more: nothing to remind")
                .expectNoEvents();
    }

    @Test
    void a_timers_reminder_on_an_accepted_report_does_nothing() {
        fixture.given(open(submitted(1), new ReportAccepted("t-1", "2025-Q1", 1, null)))
                .when(new RemindReport("t-1", "2025-Q1", null))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
        fixture.given(open(submitted(1), new ReportAccepted("t-1", "2025-Q1", 1, null)))
                .when(new RemindReport("t-1", "2025-Q1", null), Map.of("actorRole", "SYSTEM"))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void a_reminder_for_a_period_without_a_report_is_refused() {
        fixture.given(open()).when(new RemindReport("t-1", "2025-Q2", null))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("task t-1 has no report for period 2025-Q2");
    }
}
