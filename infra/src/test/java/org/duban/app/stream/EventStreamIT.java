package org.duban.app.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.KafkaBroker;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.app.support.PlanTrees.allTasks;
import static org.duban.app.support.Uploads.publishedDazuPlan;

/**
 * Every event on a real Kafka broker (a separate process, {@link KafkaBroker}): a scenario through the API, then the
 * topic read from the start — each stored event at least once per id, each aggregate's events in order, every record a
 * valid CloudEvent, the chain head as the store has it. Then the broker is stopped: the API still answers, health turns
 * DOWN; it is started again, and every event of both phases reaches the topic.
 */
@DubanIntegrationTest
@TestPropertySource(properties = {
        "duban.stream.topic=" + EventStreamIT.TOPIC,
        "duban.stream.batch-size=50",
        "duban.stream.publish-timeout-ms=6000",
        "duban.stream.kafka.delivery-timeout-ms=5000",
        "duban.stream.kafka.request-timeout-ms=2000",
        "duban.stream.kafka.max-block-ms=2000"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class EventStreamIT {
    static final String TOPIC = "duban.events.it";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaBroker broker;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static synchronized void kafka(DynamicPropertyRegistry properties) {
        if (broker == null) {
            broker = KafkaBroker.started();
            broker.createTopic(TOPIC, 3);
        }
        properties.add("duban.stream.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void every_event_reaches_the_topic_in_order_as_a_cloud_event_and_none_is_lost_while_the_broker_is_down() {
        long scenarioStarted = System.nanoTime();
        String planId = publishedDazuPlan(http);
        List<Map> tasks = allTasks(get("supervisor", "/api/plans/" + planId + "/tree"));
        List<String> healthTasks = tasks.stream()
                .filter(t -> "区卫生健康委".equals(((Map) t.get("leadUnit")).get("name")))
                .map(t -> (String) t.get("taskId")).toList();
        String task = healthTasks.get(0);
        assertThat(post("health", "/api/tasks/" + task + "/acknowledgement", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        assertThat(put("supervisor", "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4"))
                .getStatusCode().is2xxSuccessful()).isTrue();
        String q4 = "/api/tasks/" + task + "/reports/2026-Q4";
        Map content = Map.of("narrative", "区中医院二期工程完成主体结构。", "status", "IN_PROGRESS", "percent", 60,
                "difficulties", "资金缺口", "nextSteps", "完成装修", "evidence", List.of());
        assertThat(put("health", q4 + "/draft", content).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("health", q4 + "/submission", content).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("supervisor", q4 + "/review", Map.of("accepted", true, "reason", "同意")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        long scenarioMs = millisSince(scenarioStarted);

        long readStarted = System.nanoTime();
        Topic first = awaitEverythingPublished(Duration.ofMinutes(3));
        long firstReadMs = millisSince(readStarted);
        first.assertValid(storedEvents());
        Set<String> phaseOne = storedEvents().keySet();
        assertThat(phaseOne).hasSizeGreaterThan(300);
        assertThat(health()).containsEntry("status", "UP");

        // the broker goes away: the write path does not wait for it, the publisher says it is failing
        long stopStarted = System.nanoTime();
        broker.stop();
        List<Long> answerMs = new ArrayList<>();
        for (String other : healthTasks.subList(1, 4)) {
            long asked = System.nanoTime();
            assertThat(post("health", "/api/tasks/" + other + "/acknowledgement", Map.of()).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            answerMs.add(millisSince(asked));
        }
        long asked = System.nanoTime();
        assertThat(http.withBasicAuth("supervisor", "duban").exchange("/api/plans", HttpMethod.POST,
                new HttpEntity<>(Map.of("title", "重庆市中医药振兴发展重大工程实施方案（2023—2027年）",
                        "documentNumber", "渝府办发〔2023〕102号", "issuer", "重庆市人民政府办公厅",
                        "startYear", 2023, "endYear", 2027)), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        answerMs.add(millisSince(asked));
        Set<String> phaseTwo = new HashSet<>(storedEvents().keySet());
        phaseTwo.removeAll(phaseOne);
        assertThat(phaseTwo).isNotEmpty();
        AtomicReference<Map> down = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).until(() -> {
            down.set(health());
            return "DOWN".equals(down.get().get("status"));
        });
        assertThat((Map) down.get().get("details")).containsKey("error").containsKey("lag");
        assertThat(((Number) ((Map) down.get().get("details")).get("lag")).longValue()).isPositive();
        long outageMs = millisSince(stopStarted);

        long restartStarted = System.nanoTime();
        broker.start();
        Topic second = awaitEverythingPublished(Duration.ofMinutes(4));
        long recoveryMs = millisSince(restartStarted);
        second.assertValid(storedEvents());
        assertThat(second.distinctIds()).containsAll(phaseOne).containsAll(phaseTwo);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> "UP".equals(health().get("status")));

        System.out.printf("[duban-test] EventStreamIT on %s: scenario %d ms, %d events; first full read after %d ms "
                        + "(%d records, %d chain heads); broker down %d ms, commands answered in %s ms; after restart "
                        + "every one of %d events on the topic within %d ms (%d records, %d duplicates)%n",
                System.getProperty("duban.test.database", "h2"), scenarioMs, phaseOne.size(), firstReadMs,
                first.records.size(), first.heads.size(), outageMs, answerMs, phaseOne.size() + phaseTwo.size(),
                recoveryMs, second.records.size(), second.events.size() - second.distinctIds().size());
    }

    /** Reads the topic until it holds every stored event and the store's chain head. */
    private Topic awaitEverythingPublished(Duration limit) {
        AtomicReference<Topic> read = new AtomicReference<>();
        await().atMost(limit).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, StoredEvent> stored = storedEvents();
            Map<String, Object> head = jdbc.queryForMap("select position, hash from audit_chain_head where id = 1");
            Topic topic = readTopic();
            topic.storedBefore = stored.keySet();
            read.set(topic);
            long position = ((Number) head.get("position")).longValue();
            String hash = HexFormat.of().formatHex((byte[]) head.get("hash"));
            return topic.distinctIds().containsAll(stored.keySet()) && topic.heads.stream().anyMatch(h ->
                    h.path("data").path("position").asLong() == position && hash.equals(h.path("data").path("hash").asText()));
        });
        return read.get();
    }

    private Map<String, StoredEvent> storedEvents() {
        Map<String, StoredEvent> events = new HashMap<>();
        jdbc.query("select event_identifier, aggregate_identifier, sequence_number from domain_event_entry", rs -> {
            events.put(rs.getString(1), new StoredEvent(rs.getString(2), rs.getLong(3)));
        });
        return events;
    }

    record StoredEvent(String aggregate, long sequence) {
    }

    /** Every record of the topic from the beginning, partition by partition in offset order. */
    private Topic readTopic() {
        return new Topic(broker.records(TOPIC));
    }

    /** What the topic holds: the domain event records and the chain heads, each parsed once. */
    private static final class Topic {
        final List<ConsumerRecord<String, byte[]>> records;
        final List<ConsumerRecord<String, byte[]>> eventRecords = new ArrayList<>();
        final List<JsonNode> events = new ArrayList<>();
        final List<JsonNode> heads = new ArrayList<>();
        final List<JsonNode> all = new ArrayList<>();
        /** The store's events just before the topic was read. */
        Set<String> storedBefore = Set.of();

        Topic(List<ConsumerRecord<String, byte[]>> records) {
            this.records = records;
            for (ConsumerRecord<String, byte[]> record : records) {
                JsonNode value = parse(record.value());
                all.add(value);
                if (EventStreamPublisher.CHAIN_HEAD_TYPE.equals(value.path("type").asText())) {
                    heads.add(value);
                } else {
                    events.add(value);
                    eventRecords.add(record);
                }
            }
        }

        Set<String> distinctIds() {
            Set<String> ids = new HashSet<>();
            events.forEach(event -> ids.add(event.path("id").asText()));
            return ids;
        }

        void assertValid(Map<String, StoredEvent> stored) {
            // every stored event at least once, and nothing that is not stored: the store read before the topic and
            // after it (a workflow timer may append an event in between) bound the topic's ids
            assertThat(distinctIds()).containsAll(storedBefore);
            assertThat(stored.keySet()).containsAll(distinctIds());
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<String, byte[]> record = records.get(i);
                Header contentType = record.headers().lastHeader(EventStreamPublisher.CONTENT_TYPE_HEADER);
                assertThat(contentType).as("content-type header of offset %d", record.offset()).isNotNull();
                assertThat(new String(contentType.value(), StandardCharsets.UTF_8)).isEqualTo(CloudEventFormat.CONTENT_TYPE);
                if (EventStreamPublisher.CHAIN_HEAD_TYPE.equals(all.get(i).path("type").asText())) {
                    assertThat(record.key()).isEqualTo(EventStreamPublisher.CHAIN_SUBJECT);
                }
                assertThat(CloudEventSchema.problems(all.get(i))).as("CloudEvent at partition %d offset %d: %s",
                        record.partition(), record.offset(), all.get(i)).isEmpty();
            }
            // keyed by aggregate: one partition per aggregate, and a new sequence number only after its predecessor
            Map<String, Integer> partitionOf = new HashMap<>();
            Map<String, Long> highest = new HashMap<>();
            Map<String, String> idOf = new HashMap<>();
            for (int i = 0; i < eventRecords.size(); i++) {
                ConsumerRecord<String, byte[]> record = eventRecords.get(i);
                JsonNode event = events.get(i);
                String id = event.path("id").asText();
                StoredEvent original = stored.get(id);
                assertThat(record.key()).isEqualTo(original.aggregate()).isEqualTo(event.path("subject").asText());
                assertThat(event.path("aggregatesequence").asLong()).isEqualTo(original.sequence());
                assertThat(partitionOf.putIfAbsent(record.key(), record.partition()))
                        .as("partition of aggregate %s", record.key()).isIn(null, record.partition());
                long sequence = original.sequence();
                long before = highest.getOrDefault(record.key(), -1L);
                if (sequence > before) {
                    assertThat(sequence).as("event %s of %s follows sequence %d", id, record.key(), before)
                            .isEqualTo(before + 1);
                    highest.put(record.key(), sequence);
                }
                // a repeat (a batch retried after an outage) carries the same id as the first time
                String key = record.key() + "#" + sequence;
                assertThat(idOf.putIfAbsent(key, id)).isIn(null, id);
            }
            for (JsonNode head : heads) {
                assertThat(head.path("subject").asText()).isEqualTo(EventStreamPublisher.CHAIN_SUBJECT);
                assertThat(head.path("data").path("reference").asText())
                        .isEqualTo(head.path("data").path("position").asLong() + ":" + head.path("data").path("hash").asText());
            }
        }
    }

    private Map health() {
        ResponseEntity<Map> answer = http.withBasicAuth("admin", "duban").getForEntity("/actuator/health/eventStream", Map.class);
        assertThat(answer.getStatusCode().value()).isIn(200, 503);
        return answer.getBody();
    }

    private static JsonNode parse(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    private Map get(String user, String path) {
        return http.withBasicAuth(user, "duban").getForEntity(path, Map.class).getBody();
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }

    private ResponseEntity<Map> put(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }
}
