package org.duban.command.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.TaskAdjustmentApproved;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.api.task.UnitChange;
import org.duban.api.unit.UnitRef;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * Reads {@link TaskAdjustmentRequested} and {@link TaskAdjustmentApproved} stored in their first shape (without a
 * revision), which kept a proposed change of units as text alone, into revision 2: the text is read once more, here,
 * into {@code units}; other kinds get {@code units: null}. Axon's Spring Boot configuration registers every
 * {@code EventUpcaster} bean with the event store, so being a component is enough.
 */
@Component
public class TaskAdjustmentUpcaster extends SingleEventUpcaster {
    static final String REVISION = "2";
    private static final Set<String> TYPES = Set.of(TaskAdjustmentRequested.class.getName(),
            TaskAdjustmentApproved.class.getName());

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        SerializedType type = representation.getType();
        return TYPES.contains(type.getName()) && type.getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), REVISION),
                JsonNode.class, TaskAdjustmentUpcaster::withUnits);
    }

    private static JsonNode withUnits(JsonNode stored) {
        ObjectNode event = stored.deepCopy();
        if (AdjustmentKind.UNITS.name().equals(event.path("kind").asText())) {
            event.set("units", tree(UnitChange.parse(event.path("proposal").asText())));
        } else {
            event.putNull("units");
        }
        return event;
    }

    /** The units as the event serializer writes a {@link UnitChange}. */
    private static ObjectNode tree(UnitChange units) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("leadUnit", tree(units.leadUnit()));
        ArrayNode coUnits = node.putArray("coUnits");
        units.coUnits().forEach(unit -> coUnits.add(tree(unit)));
        return node;
    }

    private static ObjectNode tree(UnitRef unit) {
        return JsonNodeFactory.instance.objectNode().put("unitId", unit.unitId()).put("name", unit.name());
    }
}
