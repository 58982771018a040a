package org.duban.command.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.TaskAdjustmentApproved;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.UnitChange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.command.task.TaskHistory.FINANCE;
import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.MARKET;

/** Adjustments stored in their first shape, the units as text alone, read as revision 2 with the units as a value. */
class TaskAdjustmentUpcasterTest {
    private static final String PROPOSAL = "牵头单位：区市场监管局；配合单位：区卫生健康委、区财政局";
    private static final UnitChange UNITS = new UnitChange(MARKET, List.of(HEALTH, FINANCE));

    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();
    private final TaskAdjustmentUpcaster upcaster = new TaskAdjustmentUpcaster();

    /** A row of the event store as it was written: payload type and revision, payload JSON. */
    private IntermediateEventRepresentation stored(Class<?> type, String revision, String json) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Task", "t-1", 3, "e-1", Instant.EPOCH,
                type.getName(), revision, json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8)), serializer);
    }

    private IntermediateEventRepresentation upcast(IntermediateEventRepresentation stored) {
        List<IntermediateEventRepresentation> read = upcaster.upcast(Stream.of(stored)).toList();
        assertThat(read).hasSize(1);
        return read.get(0);
    }

    private Object payload(IntermediateEventRepresentation read) {
        return serializer.deserialize(read.getData(byte[].class));
    }

    @Test
    void a_requested_change_of_units_stored_as_text_reads_with_the_units_it_names() {
        IntermediateEventRepresentation read = upcast(stored(TaskAdjustmentRequested.class, null, """
                {"taskId":"t-1","unitId":"%s","adjustmentId":"a-1","kind":"UNITS",
                 "proposal":"%s","reason":"职责调整"}""".formatted(HEALTH.unitId(), PROPOSAL)));

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(payload(read)).isEqualTo(new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1",
                AdjustmentKind.UNITS, PROPOSAL, UNITS, "职责调整"));
    }

    @Test
    void an_approved_change_of_units_stored_as_text_reads_with_the_units_it_names() {
        IntermediateEventRepresentation read = upcast(stored(TaskAdjustmentApproved.class, null, """
                {"taskId":"t-1","adjustmentId":"a-1","kind":"UNITS","proposal":"区市场监管局；区卫生健康委，区财政局",
                 "reason":"同意"}"""));

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(payload(read)).isEqualTo(new TaskAdjustmentApproved("t-1", "a-1", AdjustmentKind.UNITS,
                "区市场监管局；区卫生健康委，区财政局", UNITS, "同意"));
    }

    @Test
    void an_adjustment_of_another_kind_stored_before_reads_without_units() {
        IntermediateEventRepresentation read = upcast(stored(TaskAdjustmentRequested.class, null, """
                {"taskId":"t-1","unitId":"u-1","adjustmentId":"a-2","kind":"DUE_DATE","proposal":"2026-06-30",
                 "reason":"用地审批延后"}"""));

        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(payload(read)).isEqualTo(new TaskAdjustmentRequested("t-1", "u-1", "a-2", AdjustmentKind.DUE_DATE,
                "2026-06-30", null, "用地审批延后"));
    }

    @Test
    void the_units_written_by_the_upcaster_are_those_the_serializer_writes_for_revision_2() throws Exception {
        TaskAdjustmentRequested now = new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1",
                AdjustmentKind.UNITS, PROPOSAL, UNITS, "职责调整");
        SerializedObject<byte[]> written = serializer.serialize(now, byte[].class);
        IntermediateEventRepresentation read = upcast(stored(TaskAdjustmentRequested.class, null, """
                {"taskId":"t-1","unitId":"%s","adjustmentId":"a-1","kind":"UNITS",
                 "proposal":"%s","reason":"职责调整"}""".formatted(HEALTH.unitId(), PROPOSAL)));

        assertThat(written.getType().getRevision()).isEqualTo("2");
        assertThat(read.getData(JsonNode.class).getData())
                .isEqualTo(new ObjectMapper().readTree(written.getData()));
    }

    @Test
    void events_of_revision_2_and_other_events_pass_unchanged() {
        TaskAdjustmentRequested now = new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1",
                AdjustmentKind.UNITS, PROPOSAL, UNITS, "职责调整");
        SerializedObject<byte[]> written = serializer.serialize(now, byte[].class);
        IntermediateEventRepresentation current = stored(TaskAdjustmentRequested.class, "2",
                new String(written.getData(), StandardCharsets.UTF_8));
        assertThat(upcast(current)).isSameAs(current);

        IntermediateEventRepresentation other = stored(TaskCreated.class, null, "{\"taskId\":\"t-1\"}");
        assertThat(upcast(other)).isSameAs(other);
    }
}
