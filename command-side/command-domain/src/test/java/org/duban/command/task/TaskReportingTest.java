package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.reporting.AcceptReport;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.ContributionSubmitted;
import org.duban.api.reporting.DraftReport;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportDrafted;
import org.duban.api.reporting.MarkReportOverdue;
import org.duban.api.reporting.ReportEscalated;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.reporting.ReturnReport;
import org.duban.api.reporting.SubmitContribution;
import org.duban.api.reporting.SubmitReport;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.reporting.ContributionClosed;
import org.duban.api.reporting.ContributionEnd;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.duban.command.task.TaskHistory.CONTENT;
import static org.duban.command.task.TaskHistory.FINANCE;
import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.MARKET;
import static org.duban.command.task.TaskHistory.OVERDUE;
import static org.duban.command.task.TaskHistory.assigned;
import static org.duban.command.task.TaskHistory.created;
import static org.duban.command.task.TaskHistory.opened;
import static org.duban.command.task.TaskHistory.submitted;

/** The lead unit writes the period's report, the co-units contribute to it. */
class TaskReportingTest {
    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    @Test
    void co_units_contribute_and_other_units_may_not() {
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new SubmitContribution("t-1", "2025-Q1", FINANCE.unitId(), "资金已拨付", List.of()))
                .expectEvents(new ContributionSubmitted("t-1", "2025-Q1", FINANCE.unitId(), "资金已拨付", List.of()));
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new SubmitContribution("t-1", "2025-Q1", MARKET.unitId(), "x", List.of()))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1),
                        new ReportAccepted("t-1", "2025-Q1", 1, null))
                .when(new SubmitContribution("t-1", "2025-Q1", FINANCE.unitId(), "迟到的配合", List.of()))
                .expectException(CommandRefused.class);
    }

    @Test
    void the_lead_unit_drafts_submits_and_resubmits_after_a_return_and_every_round_counts() {
        var given = List.<Object>of(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened());
        fixture.given(given).when(new DraftReport("t-1", "2025-Q1", HEALTH.unitId(), CONTENT))
                .expectEvents(new ReportDrafted("t-1", "2025-Q1", HEALTH.unitId(), CONTENT));
        fixture.given(given).when(new SubmitReport("t-1", "2025-Q1", HEALTH.unitId(), CONTENT)).expectEvents(submitted(1));
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1))
                .when(new ReturnReport("t-1", "2025-Q1", "缺少佐证材料"))
                .expectEvents(new ReportReturned("t-1", "2025-Q1", 1, "缺少佐证材料"));
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1),
                        new ReportReturned("t-1", "2025-Q1", 1, "缺少佐证材料"))
                .when(new SubmitReport("t-1", "2025-Q1", HEALTH.unitId(), CONTENT)).expectEvents(submitted(2));
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1),
                        new ReportReturned("t-1", "2025-Q1", 1, "x"), submitted(2))
                .when(new AcceptReport("t-1", "2025-Q1", "同意"))
                .expectEvents(new ReportAccepted("t-1", "2025-Q1", 2, "同意"),
                        new ContributionClosed("t-1", "2025-Q1", FINANCE.unitId(), ContributionEnd.REPORT_ACCEPTED));
    }

    @Test
    void a_report_for_a_task_of_another_unit_is_refused() {
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new SubmitReport("t-1", "2025-Q1", MARKET.unitId(), CONTENT))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("task t-1 is led by 区卫生健康委, not by unit " + MARKET.unitId());
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new DraftReport("t-1", "2025-Q1", FINANCE.unitId(), CONTENT))
                .expectException(CommandRefused.class);
    }

    @Test
    void each_periods_report_follows_only_its_own_events() {
        ReportingPeriodOpened q2 = new ReportingPeriodOpened("t-1", "p-1", Cadence.QUARTERLY.period("2025-Q2"),
                LocalDate.of(2025, 7, 10), LocalDate.of(2025, 7, 17), HEALTH, List.of(FINANCE));
        var both = List.<Object>of(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), q2,
                submitted(1), new ReportReturned("t-1", "2025-Q1", 1, "x"), submitted(2));
        fixture.given(both).when(new SubmitReport("t-1", "2025-Q2", HEALTH.unitId(), CONTENT))
                .expectEvents(new ReportSubmitted("t-1", "2025-Q2", HEALTH.unitId(), 1, CONTENT));
        fixture.given(both).when(new AcceptReport("t-1", "2025-Q2", null))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the 2025-Q2 report of task t-1 is OPEN, not waiting for review");
        fixture.given(both).when(new AcceptReport("t-1", "2025-Q1", null))
                .expectEvents(new ReportAccepted("t-1", "2025-Q1", 2, null),
                        new ContributionClosed("t-1", "2025-Q1", FINANCE.unitId(), ContributionEnd.REPORT_ACCEPTED));
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), q2,
                        new ReportMarkedOverdue("t-1", "2025-Q2", LocalDate.of(2025, 7, 17)))
                .when(new MarkReportOverdue("t-1", "2025-Q1"))
                .expectEvents(new ReportMarkedOverdue("t-1", "2025-Q1", OVERDUE), new ReportEscalated("t-1", "2025-Q1"))
                .expectResultMessagePayload(true);
    }
}
