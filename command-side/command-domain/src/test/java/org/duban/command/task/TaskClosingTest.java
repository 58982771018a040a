package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.reporting.MarkReportOverdue;
import org.duban.api.reporting.RemindReport;
import org.duban.api.reporting.SubmitReport;
import org.duban.api.task.CloseTask;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskClosed;
import org.junit.jupiter.api.Test;

import static org.duban.command.task.TaskHistory.CONTENT;
import static org.duban.command.task.TaskHistory.DISTRICT_SUPERVISOR;
import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.assigned;
import static org.duban.command.task.TaskHistory.created;
import static org.duban.command.task.TaskHistory.open;
import static org.duban.command.task.TaskHistory.opened;

/** A closed task (销号) takes no more work; its timers find nothing to do. */
class TaskClosingTest {
    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    @Test
    void a_closed_task_takes_nothing_more() {
        fixture.given(created(), assigned()).when(new CloseTask("t-1", "任务完成销号"))
                .expectEvents(new TaskClosed("t-1", "任务完成销号"));
        fixture.given(created(), assigned(), new TaskClosed("t-1", "销号")).when(new CloseTask("t-1", "again"))
                .expectException(CommandRefused.class);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(),
                        new TaskClosed("t-1", "销号"))
                .when(new SubmitReport("t-1", "2025-Q1", HEALTH.unitId(), CONTENT))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 is closed");
    }

    @Test
    void the_timers_of_a_closed_task_do_nothing_and_a_supervisors_reminder_is_refused() {
        fixture.given(open(new TaskClosed("t-1", "销号"))).when(new RemindReport("t-1", "2025-Q1", null))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
        fixture.given(open(new TaskClosed("t-1", "销号"))).when(new MarkReportOverdue("t-1", "2025-Q1"))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
        fixture.given(open(new TaskClosed("t-1", "销号")))
                .when(new RemindReport("t-1", "2025-Q1", "请按时报送"), DISTRICT_SUPERVISOR)
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 is closed").expectNoEvents();
    }
}
