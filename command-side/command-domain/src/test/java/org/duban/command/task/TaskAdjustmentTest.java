package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.task.AcknowledgeTask;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.ApproveTaskAdjustment;
import org.duban.api.task.RejectTaskAdjustment;
import org.duban.api.task.RequestTaskAdjustment;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskAdjustmentApproved;
import org.duban.api.task.TaskAdjustmentRejected;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.api.task.TaskClosed;
import org.duban.api.task.TaskDueDateAdjusted;
import org.duban.api.task.TaskUnitsChanged;
import org.duban.api.task.UnitChange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.command.task.TaskHistory.FINANCE;
import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.MARKET;
import static org.duban.command.task.TaskHistory.assigned;
import static org.duban.command.task.TaskHistory.created;

/** Instead of acknowledging, the lead unit asks for an adjustment, which the plan's supervisors decide. */
class TaskAdjustmentTest {
    private static final String UNITS_PROPOSAL = "牵头单位：区市场监管局；配合单位：区卫生健康委、区财政局";
    private static final UnitChange UNITS = new UnitChange(MARKET, List.of(HEALTH, FINANCE));

    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    @Test
    void an_approved_change_of_units_hands_the_task_to_the_new_lead_unit() {
        TaskAdjustmentRequested requested = new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1",
                AdjustmentKind.UNITS, UNITS_PROPOSAL, UNITS, "职责调整");
        TaskAdjustmentApproved approved = new TaskAdjustmentApproved("t-1", "a-1", AdjustmentKind.UNITS,
                UNITS_PROPOSAL, UNITS, "同意");
        TaskUnitsChanged changed = new TaskUnitsChanged("t-1", "p-1", "a-1", MARKET, List.of(HEALTH, FINANCE));
        fixture.given(created(), assigned(), requested).when(new ApproveTaskAdjustment("t-1", "a-1", "同意"))
                .expectEvents(approved, changed)
                .expectResultMessagePayload(MARKET.unitId());
        fixture.given(created(), assigned(), requested, approved, changed)
                .when(new AcknowledgeTask("t-1", MARKET.unitId()))
                .expectEvents(new TaskAcknowledged("t-1", MARKET.unitId()));
        fixture.given(created(), assigned(), requested, approved, changed)
                .when(new AcknowledgeTask("t-1", HEALTH.unitId()))
                .expectException(CommandRefused.class).expectNoEvents();
    }

    @Test
    void a_requested_change_of_units_is_recorded_as_written_and_as_the_units_it_names() {
        fixture.given(created(), assigned())
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.UNITS,
                        "区市场监管局；区卫生健康委，区财政局", "职责调整"))
                .expectEvents(new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.UNITS,
                        "区市场监管局；区卫生健康委，区财政局", UNITS, "职责调整"));
        fixture.given(created(), assigned())
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.UNITS, null, UNITS,
                        "职责调整"))
                .expectEvents(new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.UNITS,
                        UNITS_PROPOSAL, UNITS, "职责调整"));
    }

    @Test
    void a_units_proposal_names_a_lead_unit_and_no_unit_twice() {
        assertThat(UnitChange.parse("区市场监管局；区卫生健康委，区财政局"))
                .isEqualTo(new UnitChange(MARKET, List.of(HEALTH, FINANCE)));
        assertThat(UnitChange.parse("牵头：区市场监管局").text())
                .isEqualTo("牵头单位：区市场监管局；配合单位：");
        assertThatThrownBy(() -> new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1",
                        AdjustmentKind.UNITS, "配合单位：区财政局", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no lead unit");
        assertThatThrownBy(() -> UnitChange.parse("区财政局；区财政局"))
                .hasMessageContaining("both as lead unit and as co-unit");
    }

    @Test
    void units_go_with_an_adjustment_of_units_only_and_agree_with_its_proposal() {
        assertThatThrownBy(() -> new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.TEXT,
                "新表述", UNITS, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("units are proposed only by an adjustment of kind UNITS, not TEXT");
        assertThatThrownBy(() -> new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.UNITS,
                "牵头单位：区财政局", UNITS, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not name the units proposed");
        assertThatThrownBy(() -> new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.UNITS,
                UNITS_PROPOSAL, null, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an adjustment of kind UNITS names the units proposed");
    }

    @Test
    void the_lead_unit_may_ask_for_an_adjustment_which_a_supervisor_approves_or_rejects() {
        TaskAdjustmentRequested requested = new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1",
                AdjustmentKind.DUE_DATE, "2026-06-30", null, "用地审批延后");
        fixture.given(created(), assigned())
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "2026-06-30", "用地审批延后"))
                .expectEvents(requested);
        fixture.given(created(), assigned(), requested).when(new AcknowledgeTask("t-1", HEALTH.unitId()))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(created(), assigned(), requested).when(new ApproveTaskAdjustment("t-1", "a-1", null))
                .expectEvents(new TaskAdjustmentApproved("t-1", "a-1", AdjustmentKind.DUE_DATE, "2026-06-30", null,
                        null), new TaskDueDateAdjusted("t-1", "p-1", "a-1", null, LocalDate.of(2026, 6, 30)));
        fixture.given(created(), assigned(), requested).when(new RejectTaskAdjustment("t-1", "a-1", "不符合规划要求"))
                .expectEvents(new TaskAdjustmentRejected("t-1", "a-1", "不符合规划要求"));
        fixture.given(created(), assigned(), requested, new TaskAdjustmentRejected("t-1", "a-1", "不符合规划要求"))
                .when(new AcknowledgeTask("t-1", HEALTH.unitId()))
                .expectEvents(new TaskAcknowledged("t-1", HEALTH.unitId()));
    }

    @Test
    void an_adjustment_is_refused_from_another_unit_on_a_closed_task_or_when_none_is_pending() {
        fixture.given(created(), assigned())
                .when(new RequestTaskAdjustment("t-1", MARKET.unitId(), "a-1", AdjustmentKind.TEXT, "新表述", "理由"))
                .expectException(CommandRefused.class);
        // after acknowledging an adjustment is asked for during execution (TaskDynamicAdjustmentTest)
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), new TaskClosed("t-1", "撤销"))
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.TEXT, "新表述", "理由"))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 is closed");
        fixture.given(created(), assigned()).when(new ApproveTaskAdjustment("t-1", "a-9", null))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 has no pending adjustment a-9");
        fixture.given(created(), assigned()).when(new RejectTaskAdjustment("t-1", "a-9", "x"))
                .expectException(CommandRefused.class);
    }
}
