package org.duban.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.PlanPublished;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.api.reporting.SetReportingCadence;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan's office sets how often its tasks report; what it leaves out takes the plan's defaults. */
class PlanReportingCadenceTest {
    private static final String DISTRICT = "区政府督查室";
    private static final PlanCreated CREATED = new PlanCreated("p-1", "任务分解", null, "大足区人民政府办公室", null,
            new PlanPeriod(2024, 2027), null, DISTRICT);
    private static final Map<String, Object> DISTRICT_SUPERVISOR = Map.of("actorRole", "SUPERVISOR", "actorUnit", DISTRICT);

    private final AggregateTestFixture<Plan> fixture = new AggregateTestFixture<>(Plan.class);

    @Test
    void a_cadence_without_due_day_or_grace_is_due_on_the_10th_and_overdue_5_working_days_later() {
        fixture.given(CREATED, new PlanPublished("p-1"))
                .when(new SetReportingCadence("p-1", Cadence.QUARTERLY, null, null), DISTRICT_SUPERVISOR)
                .expectEvents(new ReportingCadenceSet("p-1", Cadence.QUARTERLY, 10, 5));
        fixture.given(CREATED, new PlanPublished("p-1"))
                .when(new SetReportingCadence("p-1", Cadence.MONTHLY, 15, null), DISTRICT_SUPERVISOR)
                .expectEvents(new ReportingCadenceSet("p-1", Cadence.MONTHLY, 15, 5));
        fixture.given(CREATED, new PlanPublished("p-1"))
                .when(new SetReportingCadence("p-1", Cadence.MONTHLY, null, 0), DISTRICT_SUPERVISOR)
                .expectEvents(new ReportingCadenceSet("p-1", Cadence.MONTHLY, 10, 0));
    }

    @Test
    void a_cadence_keeps_the_due_day_and_grace_it_is_given() {
        fixture.given(CREATED, new PlanPublished("p-1"))
                .when(new SetReportingCadence("p-1", Cadence.HALF_YEARLY, 28, 30), DISTRICT_SUPERVISOR)
                .expectEvents(new ReportingCadenceSet("p-1", Cadence.HALF_YEARLY, 28, 30));
    }

    @Test
    void a_due_day_or_grace_given_stays_within_its_bounds() {
        assertThatThrownBy(() -> new SetReportingCadence("p-1", Cadence.QUARTERLY, 29, null))
                .hasMessage("dueDay must be between 1 and 28, not 29");
        assertThatThrownBy(() -> new SetReportingCadence("p-1", Cadence.QUARTERLY, 0, 5))
                .hasMessage("dueDay must be between 1 and 28, not 0");
        assertThatThrownBy(() -> new SetReportingCadence("p-1", Cadence.QUARTERLY, null, 31))
                .hasMessage("graceWorkingDays must be between 0 and 30, not 31");
        assertThatThrownBy(() -> new SetReportingCadence("p-1", Cadence.QUARTERLY, 10, -1))
                .hasMessage("graceWorkingDays must be between 0 and 30, not -1");
    }
}
