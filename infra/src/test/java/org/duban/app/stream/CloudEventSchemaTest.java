package org.duban.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.duban.api.MetadataKeys;
import org.duban.api.plan.PlanPublished;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema EventStreamIT checks every record with: it takes what the format writes and refuses what breaks the rules. */
class CloudEventSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final Configuration axon = DefaultConfigurer.defaultConfiguration().buildConfiguration();
    private final CloudEventFormat format = new CloudEventFormat(
            JacksonSerializer.builder().objectMapper(JSON).build(), axon, "/duban/dazu");

    private ObjectNode written() throws IOException {
        var event = new GenericDomainEventMessage<>("Plan", "p-1", 3, new PlanPublished("p-1"),
                MetaData.from(Map.of(MetadataKeys.ACTOR_USER, "supervisor", MetadataKeys.CORRELATION_ID, "c-1")),
                "e-1", Instant.parse("2026-03-10T02:15:30Z"));
        return (ObjectNode) JSON.readTree(format.encode(event));
    }

    @Test
    void what_the_format_writes_is_a_valid_cloud_event() throws IOException {
        assertThat(CloudEventSchema.problems(written())).isEmpty();
        JsonNode head = JSON.readTree(format.encodeRecord("audit-chain-7", EventStreamPublisher.CHAIN_HEAD_TYPE,
                EventStreamPublisher.CHAIN_SUBJECT, Instant.parse("2026-03-10T02:15:30.120Z"),
                Map.of("position", 7, "hash", "ab")));
        assertThat(CloudEventSchema.problems(head)).isEmpty();
    }

    @Test
    void a_missing_or_empty_required_attribute_is_refused() throws IOException {
        ObjectNode noId = written();
        noId.remove("id");
        assertThat(CloudEventSchema.problems(noId)).isNotEmpty();
        ObjectNode emptySource = written();
        emptySource.put("source", "");
        assertThat(CloudEventSchema.problems(emptySource)).isNotEmpty();
        ObjectNode otherVersion = written();
        otherVersion.put("specversion", "0.3");
        assertThat(CloudEventSchema.problems(otherVersion)).isNotEmpty();
    }

    @Test
    void a_time_that_is_not_rfc_3339_is_refused() throws IOException {
        ObjectNode local = written();
        local.put("time", "2026-03-10 02:15:30");
        assertThat(CloudEventSchema.problems(local)).isNotEmpty();
        ObjectNode noZone = written();
        noZone.put("time", "2026-03-10T02:15:30");
        assertThat(CloudEventSchema.problems(noZone)).isNotEmpty();
    }

    @Test
    void extension_names_are_lower_case_letters_and_digits() throws IOException {
        ObjectNode camel = written();
        camel.put("actorUser", "supervisor");
        assertThat(CloudEventSchema.problems(camel)).isNotEmpty();
        ObjectNode underscore = written();
        underscore.put("actor_user", "supervisor");
        assertThat(CloudEventSchema.problems(underscore)).isNotEmpty();
        ObjectNode objectValue = written();
        objectValue.set("actoruser", JSON.createObjectNode());
        assertThat(CloudEventSchema.problems(objectValue)).isNotEmpty();
    }

    @Test
    void data_is_a_json_object_of_content_type_application_json() throws IOException {
        ObjectNode text = written();
        text.put("data", "PlanPublished");
        assertThat(CloudEventSchema.problems(text)).isNotEmpty();
        ObjectNode xml = written();
        xml.put("datacontenttype", "application/xml");
        assertThat(CloudEventSchema.problems(xml)).isNotEmpty();
        ObjectNode both = written();
        both.put("data_base64", "AAAA");
        assertThat(CloudEventSchema.problems(both)).isNotEmpty();
    }
}
