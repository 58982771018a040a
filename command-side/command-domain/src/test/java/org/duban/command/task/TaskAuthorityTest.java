package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.NotAuthorized;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.reporting.AcceptReport;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.OpenReportingPeriod;
import org.duban.api.reporting.RemindReport;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReturnReport;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.CreateTask;
import org.duban.api.task.RequestTaskAdjustment;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.reporting.ContributionClosed;
import org.duban.api.reporting.ContributionEnd;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.command.task.TaskHistory.FINANCE;
import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.OFFICE;
import static org.duban.command.task.TaskHistory.assigned;
import static org.duban.command.task.TaskHistory.created;
import static org.duban.command.task.TaskHistory.opened;
import static org.duban.command.task.TaskHistory.submitted;

/** The supervisors of the plan's office decide for its tasks, within the plan's years. */
class TaskAuthorityTest {
    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    @Test
    void only_supervisors_of_the_plans_office_review_remind_and_decide() {
        var city = Map.<String, Object>of("actorRole", "SUPERVISOR", "actorUnit", "市政府督查办");
        var district = Map.<String, Object>of("actorRole", "SUPERVISOR", "actorUnit", OFFICE);
        var given = List.<Object>of(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(),
                submitted(1));
        fixture.given(given).when(new ReturnReport("t-1", "2025-Q1", "缺少佐证材料"), city)
                .expectException(NotAuthorized.class).expectNoEvents();
        fixture.given(given).when(new AcceptReport("t-1", "2025-Q1", null), city)
                .expectException(NotAuthorized.class);
        fixture.given(given).when(new AcceptReport("t-1", "2025-Q1", null), district)
                .expectEvents(new ReportAccepted("t-1", "2025-Q1", 1, null),
                        new ContributionClosed("t-1", "2025-Q1", FINANCE.unitId(), ContributionEnd.REPORT_ACCEPTED));
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new RemindReport("t-1", "2025-Q1", "请按时报送"), city)
                .expectException(NotAuthorized.class);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new RemindReport("t-1", "2025-Q1", "请按时报送"),
                        Map.of("actorRole", "UNIT_USER", "actorUnit", "区卫生健康委"))
                .expectException(NotAuthorized.class);
    }

    @Test
    void due_dates_and_periods_stay_within_the_plans_years() {
        fixture.given(created(), assigned())
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "1900-01-01", "推迟"))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the due date 1900-01-01 is outside the plan's years 2024—2027");
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()))
                .when(new OpenReportingPeriod("t-1", Cadence.QUARTERLY.period("2099-Q1"),
                        LocalDate.of(2099, 4, 10), LocalDate.of(2099, 4, 17)))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("period 2099-Q1 is outside the plan's years 2024—2027");
        assertThatThrownBy(() -> new CreateTask("t-1", "p-1", "s-1", 1, null, "x", HEALTH, List.of(), LocalDate.of(1900, 1, 1),
                null, new PlanPeriod(2024, 2027), OFFICE))
                .hasMessage("due date 1900-01-01 is outside the plan's period 2024—2027");
    }
}
