package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.task.AcknowledgeTask;
import org.duban.api.task.TaskAcknowledged;
import org.junit.jupiter.api.Test;

import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.MARKET;
import static org.duban.command.task.TaskHistory.assigned;
import static org.duban.command.task.TaskHistory.created;

/** The lead unit acknowledges an assigned task (签收). */
class TaskAcknowledgementTest {
    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    @Test
    void the_lead_unit_acknowledges_and_no_other_unit_may() {
        fixture.given(created(), assigned()).when(new AcknowledgeTask("t-1", HEALTH.unitId()))
                .expectEvents(new TaskAcknowledged("t-1", HEALTH.unitId()));
        fixture.given(created(), assigned()).when(new AcknowledgeTask("t-1", MARKET.unitId()))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(created()).when(new AcknowledgeTask("t-1", HEALTH.unitId()))
                .expectException(CommandRefused.class).expectNoEvents();
    }
}
