package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.NotAuthorized;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.OpenReportingPeriod;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskClosed;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.duban.command.task.TaskHistory.CITY_SUPERVISOR;
import static org.duban.command.task.TaskHistory.DISTRICT_SUPERVISOR;
import static org.duban.command.task.TaskHistory.DUE;
import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.OVERDUE;
import static org.duban.command.task.TaskHistory.Q1;
import static org.duban.command.task.TaskHistory.acknowledged;
import static org.duban.command.task.TaskHistory.assigned;
import static org.duban.command.task.TaskHistory.created;
import static org.duban.command.task.TaskHistory.opened;

/**
 * A period opens the report of every acknowledged task: the task answers whether it opened one, so the period is
 * opened for a whole plan without asking the views which tasks qualify.
 */
class TaskPeriodOpeningTest {
    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    @Test
    void a_period_opens_once_and_only_for_an_acknowledged_task() {
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()))
                .when(new OpenReportingPeriod("t-1", Q1, DUE, OVERDUE))
                .expectEvents(opened()).expectResultMessagePayload(true);
        fixture.given(created(), assigned())
                .when(new OpenReportingPeriod("t-1", Q1, DUE, OVERDUE))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new OpenReportingPeriod("t-1", Q1, DUE, OVERDUE))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void a_closed_task_opens_no_period() {
        fixture.given(created(), assigned(), acknowledged(), new TaskClosed("t-1", "销号"))
                .when(new OpenReportingPeriod("t-1", Q1, DUE, OVERDUE))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void a_period_outside_the_plans_years_is_refused_even_where_there_is_nothing_to_open() {
        OpenReportingPeriod outside = new OpenReportingPeriod("t-1", Cadence.QUARTERLY.period("2099-Q1"),
                LocalDate.of(2099, 4, 10), LocalDate.of(2099, 4, 17));
        fixture.given(created(), assigned())
                .when(outside)
                .expectException(CommandRefused.class)
                .expectExceptionMessage("period 2099-Q1 is outside the plan's years 2024—2027");
    }

    @Test
    void only_the_plans_office_or_the_system_opens_a_period() {
        fixture.given(created(), assigned(), acknowledged())
                .when(new OpenReportingPeriod("t-1", Q1, DUE, OVERDUE), CITY_SUPERVISOR)
                .expectException(NotAuthorized.class).expectNoEvents();
        fixture.given(created(), assigned())
                .when(new OpenReportingPeriod("t-1", Q1, DUE, OVERDUE), CITY_SUPERVISOR)
                .expectException(NotAuthorized.class).expectNoEvents();
        fixture.given(created(), assigned(), acknowledged())
                .when(new OpenReportingPeriod("t-1", Q1, DUE, OVERDUE), DISTRICT_SUPERVISOR)
                .expectEvents(opened()).expectResultMessagePayload(true);
    }
}
