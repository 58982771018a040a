package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.task.AssignTask;
import org.duban.api.task.CoUnitPartConfirmed;
import org.duban.api.task.ConfirmCoUnitPart;
import org.junit.jupiter.api.Test;

import static org.duban.command.task.TaskHistory.ACK_BY;
import static org.duban.command.task.TaskHistory.FINANCE;
import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.assigned;
import static org.duban.command.task.TaskHistory.created;

/** Publishing the plan assigns the task; its co-units confirm their part (知悉). */
class TaskAssignmentTest {
    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    @Test
    void publishing_assigns_the_task_to_its_lead_unit_once() {
        fixture.given(created()).when(new AssignTask("t-1", ACK_BY)).expectEvents(assigned());
        fixture.given(created(), assigned()).when(new AssignTask("t-1", ACK_BY))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 is already assigned");
    }

    @Test
    void a_co_unit_confirms_its_part_once_and_only_a_co_unit_of_an_assigned_task() {
        fixture.given(created(), assigned()).when(new ConfirmCoUnitPart("t-1", FINANCE.unitId()))
                .expectEvents(new CoUnitPartConfirmed("t-1", FINANCE.unitId()));
        fixture.given(created(), assigned(), new CoUnitPartConfirmed("t-1", FINANCE.unitId()))
                .when(new ConfirmCoUnitPart("t-1", FINANCE.unitId()))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(created(), assigned()).when(new ConfirmCoUnitPart("t-1", HEALTH.unitId()))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(created()).when(new ConfirmCoUnitPart("t-1", FINANCE.unitId()))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 is not assigned yet");
    }
}
