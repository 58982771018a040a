package org.duban.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.NotAuthorized;
import org.duban.api.plan.ChangePlanSupervision;
import org.duban.api.plan.ClosePlan;
import org.duban.api.plan.CreatePlan;
import org.duban.api.plan.OpenPlanPeriod;
import org.duban.api.plan.PlanClosed;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanExecutionStarted;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.PlanPeriodOpened;
import org.duban.api.plan.PlanPublicationRequested;
import org.duban.api.plan.PlanPublished;
import org.duban.api.plan.PlanStatus;
import org.duban.api.plan.PlanSupervisionChanged;
import org.duban.api.plan.PublishPlan;
import org.duban.api.plan.RequestPlanPublication;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.api.reporting.SetReportingCadence;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The office that supervises a plan is named at creation and only its supervisors (or an administrator) act on it. */
class PlanAuthorityTest {

    private static final String DISTRICT = "区政府督查室";
    private static final PlanPeriod PERIOD = new PlanPeriod(2024, 2027);
    private static final PlanCreated CREATED = new PlanCreated("p-1", "任务分解", null, "大足区人民政府办公室", null, PERIOD,
            null, DISTRICT);
    private static final Map<String, Object> DISTRICT_SUPERVISOR = Map.of("actorRole", "SUPERVISOR", "actorUnit", DISTRICT);
    private static final Map<String, Object> CITY_SUPERVISOR = Map.of("actorRole", "SUPERVISOR", "actorUnit", "市政府督查办");
    private static final Map<String, Object> ADMIN = Map.of("actorRole", "ADMIN", "actorUser", "admin");
    private static final Map<String, Object> UNIT_USER = Map.of("actorRole", "UNIT_USER", "actorUnit", "区卫生健康委");
    private static final ReportingCadenceSet QUARTERLY = new ReportingCadenceSet("p-1", Cadence.QUARTERLY, 10, 5);

    private final AggregateTestFixture<Plan> fixture = new AggregateTestFixture<>(Plan.class);

    @Test
    void a_supervisor_creates_plans_for_the_own_office_only() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("p-1", "任务分解", null, "大足区人民政府办公室", PERIOD, DISTRICT), DISTRICT_SUPERVISOR)
                .expectEvents(CREATED);
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("p-1", "任务分解", null, "大足区人民政府办公室", PERIOD, DISTRICT), CITY_SUPERVISOR)
                .expectException(NotAuthorized.class).expectNoEvents();
        assertThatThrownBy(() -> new CreatePlan("p-1", "任务分解", null, "x", PERIOD, " "))
                .hasMessage("supervisingOffice must not be blank");
    }

    @Test
    void a_supervisor_of_another_office_cannot_request_publish_set_cadence_open_or_close() {
        fixture.given(CREATED).when(new RequestPlanPublication("p-1"), CITY_SUPERVISOR)
                .expectException(NotAuthorized.class)
                .expectExceptionMessage("only a supervisor of 区政府督查室 or an administrator may request the publication"
                        + " of plan p-1; you act for 市政府督查办");
        fixture.given(CREATED).when(new PublishPlan("p-1"), CITY_SUPERVISOR).expectException(NotAuthorized.class);
        fixture.given(CREATED).when(new ClosePlan("p-1"), CITY_SUPERVISOR).expectException(NotAuthorized.class)
                .expectNoEvents();
        fixture.given(CREATED).when(new SetReportingCadence("p-1", Cadence.QUARTERLY, 10, 5), CITY_SUPERVISOR)
                .expectException(NotAuthorized.class);
        fixture.given(CREATED, new PlanPublished("p-1"), QUARTERLY).when(new OpenPlanPeriod("p-1", "2025-Q1"),
                CITY_SUPERVISOR).expectException(NotAuthorized.class);
        fixture.given(CREATED).when(new ClosePlan("p-1"), UNIT_USER).expectException(NotAuthorized.class);
    }

    @Test
    void its_own_supervisors_and_administrators_act_on_it() {
        fixture.given(CREATED).when(new RequestPlanPublication("p-1"), DISTRICT_SUPERVISOR)
                .expectEvents(new PlanPublicationRequested("p-1"));
        fixture.given(CREATED, new PlanPublicationRequested("p-1")).when(new PublishPlan("p-1"), DISTRICT_SUPERVISOR)
                .expectEvents(new PlanPublished("p-1"));
        fixture.given(CREATED).when(new ClosePlan("p-1"), ADMIN).expectEvents(new PlanClosed("p-1", PlanStatus.DRAFT));
    }

    @Test
    void publication_is_requested_once_and_never_for_a_closed_or_published_plan() {
        fixture.given(CREATED, new PlanPublicationRequested("p-1"))
                .when(new RequestPlanPublication("p-1"), DISTRICT_SUPERVISOR)
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(CREATED, new PlanClosed("p-1", PlanStatus.DRAFT))
                .when(new RequestPlanPublication("p-1"), DISTRICT_SUPERVISOR)
                .expectException(CommandRefused.class).expectExceptionMessage("plan p-1 is closed and cannot be published");
        fixture.given(CREATED, new PlanPublished("p-1")).when(new RequestPlanPublication("p-1"), DISTRICT_SUPERVISOR)
                .expectException(CommandRefused.class).expectNoEvents();
    }

    @Test
    void only_an_administrator_hands_a_plan_to_another_office() {
        fixture.given(CREATED).when(new ChangePlanSupervision("p-1", "市政府督查办", "移交市级督办"), DISTRICT_SUPERVISOR)
                .expectException(NotAuthorized.class);
        fixture.given(CREATED).when(new ChangePlanSupervision("p-1", "市政府督查办", "移交市级督办"), ADMIN)
                .expectEvents(new PlanSupervisionChanged("p-1", "市政府督查办", DISTRICT, "移交市级督办"));
        fixture.given(CREATED, new PlanSupervisionChanged("p-1", "市政府督查办", DISTRICT, "移交"))
                .when(new ClosePlan("p-1"), CITY_SUPERVISOR).expectEvents(new PlanClosed("p-1", PlanStatus.DRAFT));
    }

    @Test
    void a_plan_recorded_without_an_office_is_supervised_by_the_office_that_publishes_it() {
        PlanCreated legacy = new PlanCreated("p-1", "任务分解", null, "大足区人民政府办公室", null, PERIOD, null, null);
        fixture.given(legacy).when(new PublishPlan("p-1"), DISTRICT_SUPERVISOR)
                .expectEvents(new PlanSupervisionChanged("p-1", DISTRICT, null, "published by a supervisor of " + DISTRICT),
                        new PlanPublished("p-1"));
    }

    @Test
    void periods_open_within_the_plans_years_and_cadence_once() {
        fixture.given(CREATED, new PlanPublished("p-1"), QUARTERLY)
                .when(new OpenPlanPeriod("p-1", "2025-Q1"), DISTRICT_SUPERVISOR)
                .expectEvents(new PlanExecutionStarted("p-1"),
                        new PlanPeriodOpened("p-1", Cadence.QUARTERLY.period("2025-Q1")));
        fixture.given(CREATED, new PlanPublished("p-1"), QUARTERLY, new PlanExecutionStarted("p-1"),
                        new PlanPeriodOpened("p-1", Cadence.QUARTERLY.period("2025-Q1")))
                .when(new OpenPlanPeriod("p-1", "2025-Q1"), DISTRICT_SUPERVISOR).expectNoEvents();
        fixture.given(CREATED, new PlanPublished("p-1"), QUARTERLY)
                .when(new OpenPlanPeriod("p-1", "2099-Q1"), DISTRICT_SUPERVISOR)
                .expectException(CommandRefused.class)
                .expectExceptionMessage("period 2099-Q1 is outside the plan's years 2024—2027");
        fixture.given(CREATED, new PlanPublished("p-1"), QUARTERLY)
                .when(new OpenPlanPeriod("p-1", "2025-M01"), DISTRICT_SUPERVISOR)
                .expectException(IllegalArgumentException.class);
        fixture.given(CREATED, new PlanPublished("p-1"))
                .when(new OpenPlanPeriod("p-1", "2025-Q1"), DISTRICT_SUPERVISOR)
                .expectException(CommandRefused.class);
        fixture.given(CREATED, QUARTERLY).when(new OpenPlanPeriod("p-1", "2025-Q1"), DISTRICT_SUPERVISOR)
                .expectException(CommandRefused.class).expectExceptionMessage(
                        "plan p-1 must be published before reports open");
        assertThatThrownBy(() -> Cadence.QUARTERLY.period("0000-Q1")).hasMessage(
                "period \"0000-Q1\" is not in a plausible year");
    }
}
