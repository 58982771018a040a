package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.reporting.AcceptReport;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReturnReport;
import org.duban.api.reporting.SubmitReport;
import org.duban.api.task.TaskAcknowledged;
import org.junit.jupiter.api.Test;

import static org.duban.command.task.TaskHistory.CONTENT;
import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.assigned;
import static org.duban.command.task.TaskHistory.created;
import static org.duban.command.task.TaskHistory.opened;
import static org.duban.command.task.TaskHistory.submitted;

/** The supervisors review a submitted report: return it or accept it, once. */
class TaskReviewTest {
    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    @Test
    void a_second_acceptance_a_review_before_submission_and_a_change_after_submission_are_refused() {
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1),
                        new ReportAccepted("t-1", "2025-Q1", 1, null))
                .when(new AcceptReport("t-1", "2025-Q1", null))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new ReturnReport("t-1", "2025-Q1", "x")).expectException(CommandRefused.class);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1))
                .when(new SubmitReport("t-1", "2025-Q1", HEALTH.unitId(), CONTENT)).expectException(CommandRefused.class);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()))
                .when(new SubmitReport("t-1", "2025-Q2", HEALTH.unitId(), CONTENT))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 has no report for period 2025-Q2");
    }
}
