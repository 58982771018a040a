package org.duban.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.duban.api.MetadataKeys;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one place that writes and reads Duban's events as CloudEvents 1.0 in structured JSON mode (docs/EVENT-STREAM.md).
 * The payload is written by the application's own event serializer, so a consumer running this code reads it back
 * through the same upcasters as the event store.
 */
@Component
public class CloudEventFormat {
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
    public static final String SPEC_VERSION = "1.0";
    /** Payload types under this prefix are Duban's domain events; any other type is another kind of record. */
    static final String DOMAIN_EVENT_PREFIX = "org.duban.api.";
    static final String AGGREGATE_TYPE = "aggregatetype";
    static final String AGGREGATE_SEQUENCE = "aggregatesequence";

    private static final Pattern REVISED = Pattern.compile("(.+)\\.v([0-9]+)");
    private static final Set<String> CONTEXT_ATTRIBUTES = Set.of("specversion", "id", "source", "type", "subject",
            "time", "datacontenttype", "dataschema", "data", "data_base64", AGGREGATE_TYPE, AGGREGATE_SEQUENCE);
    /** Extension names of the metadata keys Duban writes, to give them back their own spelling when read. */
    private static final Map<String, String> KNOWN_KEYS = Stream.of(MetadataKeys.ACTOR_USER, MetadataKeys.ACTOR_UNIT,
                    MetadataKeys.ACTOR_ROLE, MetadataKeys.REASON, MetadataKeys.CORRELATION_ID, MetadataKeys.CAUSATION_ID,
                    MetadataKeys.TRACE_ID, MetadataKeys.PROCESS_INSTANCE_ID, MetadataKeys.USER_TASK_ID)
            .collect(java.util.stream.Collectors.toMap(CloudEventFormat::extensionName, key -> key));

    private final ObjectMapper json = new ObjectMapper();
    private final Serializer serializer;
    private final org.axonframework.config.Configuration axon;
    private final String source;

    public CloudEventFormat(@Qualifier("eventSerializer") Serializer serializer,
                            org.axonframework.config.Configuration axon,
                            @Value("${duban.stream.source:/duban}") String source) {
        this.serializer = serializer;
        this.axon = axon;
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** The event as one CloudEvent JSON object. */
    public byte[] encode(DomainEventMessage<?> event) {
        SerializedType payloadType = serializer.typeForClass(event.getPayloadType());
        ObjectNode cloudEvent = header(event.getIdentifier(), typeName(payloadType), event.getAggregateIdentifier(),
                event.getTimestamp());
        cloudEvent.put(AGGREGATE_TYPE, event.getType());
        cloudEvent.put(AGGREGATE_SEQUENCE, event.getSequenceNumber());
        event.getMetaData().forEach((key, value) -> {
            if (value != null) {
                cloudEvent.put(metadataExtension(key), value.toString());
            }
        });
        cloudEvent.set("data", readTree(serializer.serialize(event.getPayload(), byte[].class).getData()));
        return bytes(cloudEvent);
    }

    /**
     * A CloudEvent of Duban's that is not a domain event (the chain head), with the given type, subject and data.
     */
    public byte[] encodeRecord(String id, String type, String subject, Instant time, Object data) {
        ObjectNode cloudEvent = header(id, type, subject, time);
        cloudEvent.set("data", json.valueToTree(data));
        return bytes(cloudEvent);
    }

    /**
     * The domain event a CloudEvent carries, read through the event upcasters; empty for a CloudEvent whose type is not
     * a Duban domain event.
     *
     * @throws IllegalArgumentException naming the attribute when the value is not such a CloudEvent
     */
    public Optional<DomainEventMessage<?>> decode(byte[] value) {
        JsonNode cloudEvent;
        try {
            cloudEvent = json.readTree(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("the value is not JSON: " + e.getMessage(), e);
        }
        if (cloudEvent == null || !cloudEvent.isObject()) {
            throw new IllegalArgumentException("the value is not a JSON object");
        }
        if (!SPEC_VERSION.equals(text(cloudEvent, "specversion"))) {
            throw new IllegalArgumentException("specversion: " + text(cloudEvent, "specversion") + " is not " + SPEC_VERSION);
        }
        String id = text(cloudEvent, "id");
        String type = text(cloudEvent, "type");
        if (!type.startsWith(DOMAIN_EVENT_PREFIX)) {
            return Optional.empty();
        }
        Matcher revised = REVISED.matcher(type);
        String payloadType = revised.matches() ? revised.group(1) : type;
        String revision = revised.matches() ? revised.group(2) : null;
        JsonNode sequence = cloudEvent.get(AGGREGATE_SEQUENCE);
        if (sequence == null || !sequence.canConvertToLong()) {
            throw new IllegalArgumentException(AGGREGATE_SEQUENCE + ": event " + id + " has no integer sequence");
        }
        JsonNode data = cloudEvent.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("data: event " + id + " carries no JSON object");
        }
        Map<String, Object> metadata = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = cloudEvent.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!CONTEXT_ATTRIBUTES.contains(field.getKey())) {
                metadata.put(KNOWN_KEYS.getOrDefault(field.getKey(), field.getKey()), field.getValue().asText());
            }
        }
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>(text(cloudEvent, AGGREGATE_TYPE),
                text(cloudEvent, "subject"), sequence.asLong(), id, time(cloudEvent), payloadType, revision,
                bytes(data), serializer.serialize(MetaData.from(metadata), byte[].class).getData());
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry),
                serializer, axon.upcasterChain()).asStream().toList();
        if (events.size() != 1) {
            throw new IllegalArgumentException("type: event " + id + " of type " + type + " was upcast into "
                    + events.size() + " events");
        }
        return Optional.of(events.get(0));
    }

    /** The CloudEvents extension a metadata key is written under: lower-case letters and digits only. */
    static String extensionName(String key) {
        return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static String metadataExtension(String key) {
        String name = extensionName(key);
        // a key spelled like a context attribute must not overwrite it
        return CONTEXT_ATTRIBUTES.contains(name) || name.isEmpty() ? "md" + name : name;
    }

    private static String typeName(SerializedType type) {
        return type.getRevision() == null ? type.getName() : type.getName() + ".v" + type.getRevision();
    }

    private ObjectNode header(String id, String type, String subject, Instant time) {
        ObjectNode cloudEvent = json.createObjectNode();
        cloudEvent.put("specversion", SPEC_VERSION);
        cloudEvent.put("id", id);
        cloudEvent.put("source", source);
        cloudEvent.put("type", type);
        cloudEvent.put("subject", subject);
        cloudEvent.put("time", time.truncatedTo(ChronoUnit.MILLIS).toString());
        cloudEvent.put("datacontenttype", "application/json");
        return cloudEvent;
    }

    private static String text(JsonNode cloudEvent, String attribute) {
        JsonNode value = cloudEvent.get(attribute);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IllegalArgumentException(attribute + ": the CloudEvent has no " + attribute);
        }
        return value.asText();
    }

    private static Instant time(JsonNode cloudEvent) {
        String time = text(cloudEvent, "time");
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time: " + time + " is not an RFC 3339 time", e);
        }
    }

    private JsonNode readTree(byte[] data) {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            throw new IllegalStateException("the event serializer wrote something that is not JSON", e);
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
