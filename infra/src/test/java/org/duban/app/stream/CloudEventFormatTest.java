package org.duban.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.duban.api.MetadataKeys;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.command.task.TaskAdjustmentUpcaster;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events written as CloudEvents 1.0 in structured JSON mode, and read back as the events they were. */
class CloudEventFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(JSON).build();
    private final Configuration axon = DefaultConfigurer.defaultConfiguration()
            .registerEventUpcaster(configuration -> new TaskAdjustmentUpcaster()).buildConfiguration();
    private final CloudEventFormat format = new CloudEventFormat(serializer, axon, "/duban/dazu");

    private static final Instant AT = Instant.parse("2026-03-10T02:15:30.123Z");
    private static final Map<String, Object> BY_HEALTH = Map.of(MetadataKeys.ACTOR_USER, "health",
            MetadataKeys.ACTOR_ROLE, "UNIT_USER", MetadataKeys.ACTOR_UNIT, "u-health",
            MetadataKeys.CORRELATION_ID, "c-1", MetadataKeys.PROCESS_INSTANCE_ID, "p-9");

    private static DomainEventMessage<?> event(String aggregateType, String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload, MetaData.from(BY_HEALTH),
                "e-" + sequence, AT);
    }

    private static JsonNode tree(byte[] value) throws IOException {
        return JSON.readTree(value);
    }

    @Test
    void an_event_is_one_cloud_event_with_its_aggregate_and_actor_as_extensions() throws IOException {
        ReportSubmitted submitted = new ReportSubmitted("t-1", "2026Q1", "u-health", 1,
                new ReportContent("完成中医馆建设 3 个", CompletionStatus.IN_PROGRESS, 40, List.of(), null, null, List.of()));
        JsonNode cloudEvent = tree(format.encode(event("Task", "t-1", 7, submitted)));

        assertThat(cloudEvent.get("specversion").asText()).isEqualTo("1.0");
        assertThat(cloudEvent.get("id").asText()).isEqualTo("e-7");
        assertThat(cloudEvent.get("source").asText()).isEqualTo("/duban/dazu");
        assertThat(cloudEvent.get("type").asText()).isEqualTo("org.duban.api.reporting.ReportSubmitted");
        assertThat(cloudEvent.get("subject").asText()).isEqualTo("t-1");
        assertThat(cloudEvent.get("time").asText()).isEqualTo("2026-03-10T02:15:30.123Z");
        assertThat(cloudEvent.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(cloudEvent.get("aggregatetype").asText()).isEqualTo("Task");
        assertThat(cloudEvent.get("aggregatesequence").asLong()).isEqualTo(7);
        assertThat(cloudEvent.get("actoruser").asText()).isEqualTo("health");
        assertThat(cloudEvent.get("actorunit").asText()).isEqualTo("u-health");
        assertThat(cloudEvent.get("correlationid").asText()).isEqualTo("c-1");
        assertThat(cloudEvent.get("processinstanceid").asText()).isEqualTo("p-9");
        assertThat(cloudEvent.get("data").get("content").get("narrative").asText()).isEqualTo("完成中医馆建设 3 个");
        cloudEvent.fieldNames().forEachRemaining(name -> assertThat(name).matches("[a-z0-9]{1,20}"));
    }

    @Test
    void a_revised_event_names_its_revision_in_the_type_and_reads_back_equal() {
        PlanCreated created = new PlanCreated("p-1", "大足区任务分解", null, "大足区人民政府办公室",
                LocalDate.of(2024, 5, 6), new PlanPeriod(2024, 2027), null, "区政府督查室");
        DomainEventMessage<?> written = event("Plan", "p-1", 0, created);
        byte[] value = format.encode(written);

        assertThat(format.decode(value)).hasValueSatisfying(read -> {
            assertThat(read.getPayload()).isEqualTo(created);
            assertThat(read.getIdentifier()).isEqualTo("e-0");
            assertThat(read.getAggregateIdentifier()).isEqualTo("p-1");
            assertThat(read.getType()).isEqualTo("Plan");
            assertThat(read.getSequenceNumber()).isZero();
            assertThat(read.getTimestamp()).isEqualTo(AT);
            assertThat(read.getMetaData()).containsAllEntriesOf(BY_HEALTH);
        });
        assertThat(new String(value, StandardCharsets.UTF_8)).contains("\"type\":\"org.duban.api.plan.PlanCreated.v1\"");
    }

    @Test
    void an_event_in_an_earlier_shape_is_read_through_the_upcasters() {
        String earlier = """
                {"specversion":"1.0","id":"e-3","source":"/duban","type":"org.duban.api.task.TaskAdjustmentRequested",
                 "subject":"t-1","time":"2025-01-02T03:04:05+08:00","datacontenttype":"application/json",
                 "aggregatetype":"Task","aggregatesequence":3,"actoruser":"health",
                 "data":{"taskId":"t-1","unitId":"u-health","adjustmentId":"a-1","kind":"DUE_DATE",
                         "proposal":"2026-06-30","reason":"用地审批延后"}}""";

        DomainEventMessage<?> read = format.decode(earlier.getBytes(StandardCharsets.UTF_8)).orElseThrow();

        assertThat(read.getPayload()).isEqualTo(new TaskAdjustmentRequested("t-1", "u-health", "a-1",
                AdjustmentKind.DUE_DATE, "2026-06-30", null, "用地审批延后"));
        assertThat(read.getTimestamp()).isEqualTo(Instant.parse("2025-01-01T19:04:05Z"));
        assertThat(read.getMetaData()).containsEntry(MetadataKeys.ACTOR_USER, "health");
    }

    @Test
    void a_record_that_is_not_a_domain_event_reads_as_none() {
        byte[] head = format.encodeRecord("h-1", "org.duban.audit.ChainHeadPublished", "audit-chain", AT,
                Map.of("hash", "00ff"));

        assertThat(format.decode(head)).isEmpty();
    }

    @Test
    void a_malformed_value_is_refused_naming_the_attribute() {
        assertThatThrownBy(() -> format.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("the value is not JSON");
        assertThatThrownBy(() -> format.decode("""
                {"specversion":"0.3","id":"x"}""".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("specversion: 0.3 is not 1.0");
        assertThatThrownBy(() -> format.decode("""
                {"specversion":"1.0","id":"e-1","source":"/duban","type":"org.duban.api.plan.PlanClosed",
                 "subject":"p-1","time":"2026-01-01T00:00:00Z","aggregatetype":"Plan","data":{}}"""
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessage("aggregatesequence: event e-1 has no integer sequence");
        assertThatThrownBy(() -> format.decode("""
                {"specversion":"1.0","id":"e-1","source":"/duban","type":"org.duban.api.plan.PlanClosed",
                 "subject":"p-1","time":"yesterday","aggregatetype":"Plan","aggregatesequence":1,"data":{}}"""
                .getBytes(StandardCharsets.UTF_8)))
                .hasMessage("time: yesterday is not an RFC 3339 time");
    }
}
