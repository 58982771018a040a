package org.duban.app.querynode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.duban.app.stream.EventStreamSettings;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.app.stream.CloudEventFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One poll batch is one transaction: views, applied event ids and offsets commit or roll back together. */
class TopicConsumerTransactionTest {

    private static final String TOPIC = "duban.events";

    private EmbeddedDatabase database;
    private JdbcTemplate jdbc;
    private CloudEventFormat format;
    private TopicEventSource source;
    private TopicConsumer consumer;
    private final List<String> failOnPlans = new ArrayList<>();

    @BeforeEach
    void setUp() {
        database = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true)
                .addScript("db/migration/V20__query_node.sql").build();
        jdbc = new JdbcTemplate(database);
        jdbc.execute("CREATE TABLE plan_view (plan_id VARCHAR(64) PRIMARY KEY, title VARCHAR(255))");
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        format = new CloudEventFormat(JacksonSerializer.builder().objectMapper(mapper).build(),
                DefaultConfigurer.defaultConfiguration().buildConfiguration(), "/duban");
        source = new TopicEventSource();
        // a stand-in projection that writes its view in the batch's transaction
        source.subscribe(events -> {
            for (EventMessage<?> event : events) {
                PlanCreated created = (PlanCreated) event.getPayload();
                jdbc.update("INSERT INTO plan_view (plan_id, title) VALUES (?, ?)", created.planId(), created.title());
                if (failOnPlans.contains(created.planId())) {
                    throw new IllegalStateException("projection failed on " + created.planId());
                }
            }
        });
        consumer = new TopicConsumer(new EventStreamSettings(new EventStreamSettings.Kafka("127.0.0.1:1", 12000, 5000,
                10000, null), TOPIC, 100, 15000, "duban-query"), format, source, jdbc, new TransactionTemplate(new DataSourceTransactionManager(database)));
    }

    @Test
    void aBatchIsAppliedWithItsOffsetsAndAppliedIds() {
        consumer.applyBatch(batch(record(0, planCreated("p1")), record(1, planCreated("p2"))));

        assertThat(jdbc.queryForList("SELECT plan_id FROM plan_view ORDER BY plan_id", String.class))
                .containsExactly("p1", "p2");
        assertThat(nextOffset()).isEqualTo(2L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM query_node_applied_event", Integer.class)).isEqualTo(2);
    }

    @Test
    void aFailureInAProjectionRollsBackTheOffsetsWithTheViews() {
        consumer.applyBatch(batch(record(0, planCreated("p1"))));
        failOnPlans.add("p3");

        assertThatThrownBy(() -> consumer.applyBatch(batch(record(1, planCreated("p2")), record(2, planCreated("p3")))))
                .hasMessageContaining("partition=0 offset=2");

        assertThat(jdbc.queryForList("SELECT plan_id FROM plan_view", String.class)).containsExactly("p1");
        assertThat(nextOffset()).as("the batch is retried from its first record, not skipped").isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM query_node_applied_event", Integer.class)).isEqualTo(1);
    }

    @Test
    void theSameEventSentTwiceIsAppliedOnce() {
        GenericDomainEventMessage<PlanCreated> event = planCreated("p1");
        consumer.applyBatch(batch(record(0, event)));
        consumer.applyBatch(batch(record(1, event)));

        assertThat(jdbc.queryForList("SELECT plan_id FROM plan_view", String.class)).containsExactly("p1");
        assertThat(nextOffset()).isEqualTo(2L);
    }

    private Long nextOffset() {
        return jdbc.queryForObject("SELECT next_offset FROM query_node_offset WHERE topic = ? AND partition_no = 0",
                Long.class, TOPIC);
    }

    private static GenericDomainEventMessage<PlanCreated> planCreated(String planId) {
        return new GenericDomainEventMessage<>("Plan", planId, 0, new PlanCreated(planId, "Plan " + planId, "No. 1",
                "Office", null, new PlanPeriod(2026, 2030), null, null), Map.of());
    }

    private ConsumerRecord<String, byte[]> record(long offset, GenericDomainEventMessage<?> event) {
        return new ConsumerRecord<>(TOPIC, 0, offset, event.getAggregateIdentifier(), format.encode(event));
    }

    @SafeVarargs
    private static ConsumerRecords<String, byte[]> batch(ConsumerRecord<String, byte[]>... records) {
        return new ConsumerRecords<>(Map.of(new TopicPartition(TOPIC, 0), List.of(records)));
    }

}
