package org.duban.command.plan;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.plan.AddSection;
import org.duban.api.plan.ClosePlan;
import org.duban.api.plan.ImportCounts;
import org.duban.api.plan.ImportedFile;
import org.duban.api.plan.PlanExecutionStarted;
import org.duban.api.plan.PlanImportRecorded;
import org.duban.api.plan.RecordPlanImport;
import org.duban.api.plan.SectionAdded;
import org.duban.api.plan.StartPlanExecution;
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
    private static final String OFFICE = "市政府督查办";
    private static final PlanCreated CREATED = new PlanCreated("p-1", "重庆市中医药振兴发展重大工程实施方案",
            "渝府办发〔2023〕102号", "重庆市人民政府办公厅", null, PERIOD, null, OFFICE);

    private AggregateTestFixture<Plan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
    }

    @Test
    void creating_a_plan_records_its_metadata_in_draft() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlan("p-1", " 重庆市中医药振兴发展重大工程实施方案 ", "渝府办发〔2023〕102号",
                        "重庆市人民政府办公厅", PERIOD, OFFICE))
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
    void sections_form_a_tree_of_three_levels_numbered_among_their_siblings() {
        fixture.given(CREATED)
                .when(new AddSection("p-1", "s-2", null, 1, "二、", "中西医协同推进工程"))
                .expectEvents(new SectionAdded("p-1", "s-2", null, 1, "二、", "中西医协同推进工程", 1));
        fixture.given(CREATED, new SectionAdded("p-1", "s-1", null, 1, "一、", "中医药健康服务高质量发展工程", 1),
                        new SectionAdded("p-1", "s-1-1", "s-1", 2, "（一）", "健全优质高效中医药服务体系", 1))
                .when(new AddSection("p-1", "s-1-1-1", "s-1-1", 3, "1.", "打造中医药服务高地"))
                .expectEvents(new SectionAdded("p-1", "s-1-1-1", "s-1-1", 3, "1.", "打造中医药服务高地", 1));
    }

    @Test
    void a_section_heading_repeated_at_the_same_place_is_refused() {
        fixture.given(CREATED, new SectionAdded("p-1", "s-1", null, 1, "一、", "中医药健康服务高质量发展工程", 1))
                .when(new AddSection("p-1", "s-9", null, 1, "一、", "中医药健康服务 高质量发展工程"))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void a_section_must_sit_one_level_below_a_known_parent() {
        fixture.given(CREATED, new SectionAdded("p-1", "s-1", null, 1, "一、", "工程", 1))
                .when(new AddSection("p-1", "s-x", "s-1", 3, "1.", "跳级"))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("a level-3 section cannot sit under a level-1 section");
        fixture.given(CREATED)
                .when(new AddSection("p-1", "s-x", "nope", 2, "（一）", "无上级"))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("plan p-1 has no section nope");
    }

    @Test
    void a_published_plan_goes_into_execution_but_a_draft_does_not() {
        fixture.given(CREATED, new PlanPublished("p-1"))
                .when(new StartPlanExecution("p-1"))
                .expectEvents(new PlanExecutionStarted("p-1"));
        fixture.given(CREATED)
                .when(new StartPlanExecution("p-1"))
                .expectException(CommandRefused.class)
                .expectNoEvents();
    }

    @Test
    void an_import_is_recorded_with_its_file_and_counts() {
        ImportedFile file = new ImportedFile("dazu.xlsx", 20480, "ab".repeat(32), "xlsx");
        ImportCounts counts = new ImportCounts(8, 21, 59, 94, 12, 18, 0, 0);
        fixture.given(CREATED)
                .when(new RecordPlanImport("p-1", "i-1", file, counts))
                .expectEvents(new PlanImportRecorded("p-1", "i-1", file, counts));
    }

    @Test
    void nothing_is_added_to_a_closed_plan() {
        fixture.given(CREATED, new PlanClosed("p-1", PlanStatus.DRAFT))
                .when(new AddSection("p-1", "s-1", null, 1, "一、", "工程"))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("plan p-1 is closed and cannot be changed");
    }

    @Test
    void a_plan_needs_a_title_an_issuer_and_a_sensible_period() {
        assertThatThrownBy(() -> new CreatePlan("p-1", " ", null, "x", PERIOD, OFFICE))
                .hasMessage("title must not be blank");
        assertThatThrownBy(() -> new CreatePlan("p-1", "t", null, "", PERIOD, OFFICE))
                .hasMessage("issuer must not be blank");
        assertThatThrownBy(() -> new PlanPeriod(2027, 2023))
                .hasMessage("period end year 2023 is before start year 2027");
    }
}
