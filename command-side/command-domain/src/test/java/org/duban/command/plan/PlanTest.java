package org.duban.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.plan.ClosePlan;
import org.duban.api.plan.CreatePlan;
import org.duban.api.plan.PlanClosed;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.PlanPublished;
import org.duban.api.plan.PlanStatus;
import org.duban.api.plan.PublishPlan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanTest {

    private static final PlanPeriod PERIOD = new PlanPeriod(2023, 2027);
    private static final PlanCreated CREATED = new PlanCreated("p-1", "重庆市中医药振兴发展重大工程实施方案",
            "渝府办发〔2023〕102号", "重庆市人民政府办公厅", PERIOD);

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    @Test
    void creating_a_plan_records_its_metadata_in_draft() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("p-1", " 重庆市中医药振兴发展重大工程实施方案 ", "渝府办发〔2023〕102号",
                        "重庆市人民政府办公厅", PERIOD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(CREATED);
    }

    @Test
    void a_draft_plan_is_published() {
        fixture.given(CREATED)
                .when(new PublishPlan("p-1"))
                .expectEvents(new PlanPublished("p-1"));
    }

    @Test
    void publishing_a_published_plan_changes_nothing() {
        fixture.given(CREATED, new PlanPublished("p-1"))
                .when(new PublishPlan("p-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_closed_plan_cannot_be_published() {
        fixture.given(CREATED, new PlanClosed("p-1", PlanStatus.DRAFT))
                .when(new PublishPlan("p-1"))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("plan p-1 is closed and cannot be published")
                .expectNoEvents();
    }

    @Test
    void closing_records_the_status_it_closed_from() {
        fixture.given(CREATED, new PlanPublished("p-1"))
                .when(new ClosePlan("p-1"))
                .expectEvents(new PlanClosed("p-1", PlanStatus.PUBLISHED));
    }

    @Test
    void closing_a_closed_plan_changes_nothing() {
        fixture.given(CREATED, new PlanClosed("p-1", PlanStatus.DRAFT))
                .when(new ClosePlan("p-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_plan_needs_a_title_an_issuer_and_a_sensible_period() {
        assertThatThrownBy(() -> new CreatePlan("p-1", " ", null, "x", PERIOD))
                .hasMessage("title must not be blank");
        assertThatThrownBy(() -> new CreatePlan("p-1", "t", null, "", PERIOD))
                .hasMessage("issuer must not be blank");
        assertThatThrownBy(() -> new PlanPeriod(2027, 2023))
                .hasMessage("period end year 2023 is before start year 2027");
    }
}
