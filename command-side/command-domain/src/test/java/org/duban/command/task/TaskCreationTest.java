package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.task.CreateTask;
import org.duban.api.task.TaskCreated;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A task is created as its plan states it. */
class TaskCreationTest {
    private static final UnitRef HEALTH = new UnitRef(UnitIds.of("区卫生健康委"), "区卫生健康委");
    private static final UnitRef CDC = new UnitRef(UnitIds.of("区卫生健康委"), "区卫生健康委（区疾控局）");
    private static final UnitRef FINANCE = new UnitRef(UnitIds.of("区财政局"), "区财政局");

    private static final PlanPeriod PERIOD = new PlanPeriod(2024, 2027);
    private static final String OFFICE = "区政府督查室";

    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    @Test
    void a_task_is_created_with_its_lead_unit_first_and_co_units_listed_once() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask("t-1", "p-1", "s-3", 1, "1", "做大做强区中医院。", CDC,
                        List.of(HEALTH, FINANCE, FINANCE), null, " ", PERIOD, OFFICE))
                .expectEvents(new TaskCreated("t-1", "p-1", "s-3", 1, "1", "做大做强区中医院。", CDC,
                        List.of(FINANCE), null, null, PERIOD, OFFICE));
    }

    @Test
    void a_task_keeps_the_number_its_document_prints_beside_its_place_in_the_plan() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask("t-7", "p-1", "s-2", 7, "（三）", "推动独立设置市级中医医院。", HEALTH, List.of(FINANCE),
                        null, null, PERIOD, OFFICE))
                .expectEvents(new TaskCreated("t-7", "p-1", "s-2", 7, "（三）", "推动独立设置市级中医医院。", HEALTH,
                        List.of(FINANCE), null, null, PERIOD, OFFICE));
    }

    @Test
    void a_task_under_no_heading_and_without_a_printed_number_is_created_as_such() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask("t-8", "p-1", null, 8, null, "建立中医药工作联席会议制度。", HEALTH, List.of(), null,
                        null, PERIOD, OFFICE))
                .expectEvents(new TaskCreated("t-8", "p-1", null, 8, null, "建立中医药工作联席会议制度。", HEALTH,
                        List.of(), null, null, PERIOD, OFFICE));
    }

    @Test
    void a_task_needs_text_and_a_lead_unit() {
        assertThatThrownBy(() -> new CreateTask("t-1", "p-1", "s", 1, null, "", HEALTH, List.of(), null, null, PERIOD,
                OFFICE)).hasMessage("task text must not be blank");
        assertThatThrownBy(() -> new CreateTask("t-1", "p-1", "s", 1, null, "x", null, List.of(), null, null, PERIOD,
                OFFICE)).hasMessage("lead unit is required");
    }
}
