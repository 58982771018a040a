package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.NotAuthorized;
import org.duban.api.reporting.AcceptReport;
import org.duban.api.reporting.CloseContributions;
import org.duban.api.reporting.ContributionClosed;
import org.duban.api.reporting.ContributionEnd;
import org.duban.api.reporting.ContributionSubmitted;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.reporting.SubmitContribution;
import org.duban.api.task.CloseTask;
import org.duban.api.task.CoUnitConfirmationExpired;
import org.duban.api.task.CoUnitPartConfirmed;
import org.duban.api.task.ConfirmCoUnitPart;
import org.duban.api.task.ExpireCoUnitConfirmations;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskAssigned;
import org.duban.api.task.TaskClosed;
import org.duban.api.task.TaskCreated;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.duban.command.task.TaskHistory.ACK_BY;
import static org.duban.command.task.TaskHistory.CITY_SUPERVISOR;
import static org.duban.command.task.TaskHistory.DISTRICT_SUPERVISOR;
import static org.duban.command.task.TaskHistory.DUE;
import static org.duban.command.task.TaskHistory.FINANCE;
import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.MARKET;
import static org.duban.command.task.TaskHistory.OFFICE;
import static org.duban.command.task.TaskHistory.OVERDUE;
import static org.duban.command.task.TaskHistory.PLAN_YEARS;
import static org.duban.command.task.TaskHistory.Q1;
import static org.duban.command.task.TaskHistory.submitted;

/**
 * No co-unit's step stays open for ever: a confirmation (知悉) expires after the task's acknowledgement date, and a
 * contribution not given ends when the report is accepted, the period closes or the task is closed — each with an
 * event naming the unit.
 */
class TaskCoUnitStepsTest {
    private static final String Q1_KEY = Q1.key();
    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    /** Task t-1 led by HEALTH with two co-units, FINANCE and MARKET. */
    private static List<Object> assigned(Object... then) {
        List<Object> events = new ArrayList<>(List.of(
                new TaskCreated("t-1", "p-1", "s-1", 1, "1", "做大做强区中医院。", HEALTH, List.of(FINANCE, MARKET), null,
                        null, PLAN_YEARS, OFFICE),
                new TaskAssigned("t-1", "p-1", HEALTH, List.of(FINANCE, MARKET), ACK_BY)));
        events.addAll(List.of(then));
        return events;
    }

    /** {@link #assigned} with the task acknowledged and the first quarter's report open to both co-units. */
    private static List<Object> open(Object... then) {
        List<Object> events = assigned(new TaskAcknowledged("t-1", HEALTH.unitId()),
                new ReportingPeriodOpened("t-1", "p-1", Q1, DUE, OVERDUE, HEALTH, List.of(FINANCE, MARKET)));
        events.addAll(List.of(then));
        return events;
    }

    private static ContributionSubmitted contributed(String unitId) {
        return new ContributionSubmitted("t-1", Q1_KEY, unitId, "资金已拨付", List.of());
    }

    private static ContributionClosed closed(String unitId, ContributionEnd cause) {
        return new ContributionClosed("t-1", Q1_KEY, unitId, cause);
    }

    // --- confirmations ---------------------------------------------------------------------------------------

    @Test
    void confirmations_not_given_by_the_acknowledgement_date_expire_with_a_mark_once() {
        fixture.given(assigned(new CoUnitPartConfirmed("t-1", FINANCE.unitId())))
                .when(new ExpireCoUnitConfirmations("t-1"))
                .expectEvents(new CoUnitConfirmationExpired("t-1", MARKET.unitId(), ACK_BY))
                .expectResultMessagePayload(true);
        fixture.given(assigned(new CoUnitConfirmationExpired("t-1", FINANCE.unitId(), ACK_BY),
                        new CoUnitConfirmationExpired("t-1", MARKET.unitId(), ACK_BY)))
                .when(new ExpireCoUnitConfirmations("t-1"))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void a_co_unit_cannot_confirm_after_its_confirmation_expired() {
        fixture.given(assigned(new CoUnitConfirmationExpired("t-1", FINANCE.unitId(), ACK_BY)))
                .when(new ConfirmCoUnitPart("t-1", FINANCE.unitId()))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the time for unit " + FINANCE.unitId() + " to confirm its part in task t-1 "
                        + "ended on " + ACK_BY)
                .expectNoEvents();
        fixture.given(assigned(new CoUnitConfirmationExpired("t-1", FINANCE.unitId(), ACK_BY)))
                .when(new ConfirmCoUnitPart("t-1", MARKET.unitId()))
                .expectEvents(new CoUnitPartConfirmed("t-1", MARKET.unitId()));
    }

    @Test
    void only_the_system_or_the_plans_office_expires_confirmations() {
        fixture.given(assigned()).when(new ExpireCoUnitConfirmations("t-1"), CITY_SUPERVISOR)
                .expectException(NotAuthorized.class).expectNoEvents();
        fixture.given(assigned()).when(new ExpireCoUnitConfirmations("t-1"), DISTRICT_SUPERVISOR)
                .expectEvents(new CoUnitConfirmationExpired("t-1", FINANCE.unitId(), ACK_BY),
                        new CoUnitConfirmationExpired("t-1", MARKET.unitId(), ACK_BY));
    }

    @Test
    void a_confirmation_still_open_on_a_closed_task_expires_too() {
        fixture.given(assigned(new TaskClosed("t-1", "销号"))).when(new ExpireCoUnitConfirmations("t-1"))
                .expectEvents(new CoUnitConfirmationExpired("t-1", FINANCE.unitId(), ACK_BY),
                        new CoUnitConfirmationExpired("t-1", MARKET.unitId(), ACK_BY));
    }

    // --- contributions ---------------------------------------------------------------------------------------

    @Test
    void accepting_the_report_closes_the_contributions_not_given_in_the_same_command() {
        fixture.given(open(contributed(FINANCE.unitId()), submitted(1)))
                .when(new AcceptReport("t-1", Q1_KEY, "同意"))
                .expectEvents(new ReportAccepted("t-1", Q1_KEY, 1, "同意"),
                        closed(MARKET.unitId(), ContributionEnd.REPORT_ACCEPTED));
        fixture.given(open(contributed(FINANCE.unitId()), contributed(MARKET.unitId()), submitted(1)))
                .when(new AcceptReport("t-1", Q1_KEY, null))
                .expectEvents(new ReportAccepted("t-1", Q1_KEY, 1, null));
    }

    @Test
    void the_period_closing_ends_every_contribution_not_given_once() {
        fixture.given(open(contributed(MARKET.unitId()))).when(new CloseContributions("t-1", Q1_KEY))
                .expectEvents(closed(FINANCE.unitId(), ContributionEnd.PERIOD_CLOSED))
                .expectResultMessagePayload(true);
        fixture.given(open(closed(FINANCE.unitId(), ContributionEnd.PERIOD_CLOSED), contributed(MARKET.unitId())))
                .when(new CloseContributions("t-1", Q1_KEY))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
        fixture.given(open(submitted(1), new ReportAccepted("t-1", Q1_KEY, 1, null),
                        closed(FINANCE.unitId(), ContributionEnd.REPORT_ACCEPTED),
                        closed(MARKET.unitId(), ContributionEnd.REPORT_ACCEPTED)))
                .when(new CloseContributions("t-1", Q1_KEY))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void a_report_accepted_before_contributions_were_closed_has_none_closed_by_the_period() {
        fixture.given(open(submitted(1), new ReportAccepted("t-1", Q1_KEY, 1, null)))
                .when(new CloseContributions("t-1", Q1_KEY))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void a_co_unit_cannot_contribute_once_its_contribution_is_closed() {
        fixture.given(open(closed(FINANCE.unitId(), ContributionEnd.PERIOD_CLOSED)))
                .when(new SubmitContribution("t-1", Q1_KEY, FINANCE.unitId(), "迟到的配合", List.of()))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the contribution of unit " + FINANCE.unitId() + " to the 2025-Q1 report of "
                        + "task t-1 is closed")
                .expectNoEvents();
    }

    @Test
    void closing_the_task_ends_the_open_contributions_of_every_period_not_accepted() {
        ReportingPeriod q2 = new ReportingPeriod("2025-Q2", LocalDate.of(2025, 4, 1), LocalDate.of(2025, 6, 30));
        fixture.given(open(contributed(FINANCE.unitId()), submitted(1), new ReportAccepted("t-1", Q1_KEY, 1, null),
                        closed(MARKET.unitId(), ContributionEnd.REPORT_ACCEPTED),
                        new ReportingPeriodOpened("t-1", "p-1", q2, LocalDate.of(2025, 7, 10),
                                LocalDate.of(2025, 7, 17), HEALTH, List.of(FINANCE, MARKET)),
                        new ContributionSubmitted("t-1", "2025-Q2", MARKET.unitId(), "已配合", List.of())))
                .when(new CloseTask("t-1", "任务完成销号"), DISTRICT_SUPERVISOR)
                .expectEvents(new TaskClosed("t-1", "任务完成销号"),
                        new ContributionClosed("t-1", "2025-Q2", FINANCE.unitId(), ContributionEnd.TASK_CLOSED));
    }

    @Test
    void the_period_timer_of_a_closed_task_finds_nothing_to_close() {
        fixture.given(open(new TaskClosed("t-1", "销号"), closed(FINANCE.unitId(), ContributionEnd.TASK_CLOSED),
                        closed(MARKET.unitId(), ContributionEnd.TASK_CLOSED)))
                .when(new CloseContributions("t-1", Q1_KEY))
                .expectSuccessfulHandlerExecution().expectNoEvents().expectResultMessagePayload(false);
        fixture.given(open()).when(new CloseContributions("t-1", "2025-Q2"))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 has no report for period 2025-Q2");
        fixture.given(open()).when(new CloseContributions("t-1", Q1_KEY), CITY_SUPERVISOR)
                .expectException(NotAuthorized.class).expectNoEvents();
    }
}
