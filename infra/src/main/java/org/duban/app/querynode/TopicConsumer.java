package org.duban.app.querynode;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.duban.app.stream.EventStreamSettings;
import org.duban.app.stream.CloudEventFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads the event topic and applies it to the views: one database transaction per poll batch skips the events already
 * applied, runs the projections on the rest and stores the next offset per partition. Offsets live in the database,
 * never in Kafka's committed offsets, so views and position commit or roll back together. A record that cannot be
 * decoded or applied stops the consumer; the health indicator names it.
 */
public class TopicConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TopicConsumer.class);

    private final EventStreamSettings settings;
    private final CloudEventFormat format;
    private final TopicEventSource source;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private final AtomicReference<String> stoppedOn = new AtomicReference<>();
    private volatile String lastAppliedEventId;
    private volatile Instant lastAppliedAt;
    private volatile long applied;
    private final Map<TopicPartition, Long> lag = new HashMap<>();

    public TopicConsumer(EventStreamSettings settings, CloudEventFormat format, TopicEventSource source,
                         JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.settings = settings;
        this.format = format;
        this.source = source;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void start() {
        Properties props = new Properties();
        if (settings.kafka().properties() != null) {
            props.putAll(settings.kafka().properties());
        }
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.consumerGroup());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(props);
        running = true;
        thread = new Thread(this::run, "query-node-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            // Manual assignment: every query node keeps its own complete views, so each reads all partitions.
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(settings.topic(), Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            seekToStoredOffsets(partitions);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    applyBatch(records);
                }
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                synchronized (lag) {
                    ends.forEach((tp, end) -> lag.put(tp, Math.max(0, end - consumer.position(tp))));
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            stoppedOn.compareAndSet(null, e.getMessage());
            log.error("Query node stopped consuming the event topic: {}", e.getMessage(), e);
        } finally {
            consumer.close();
        }
    }

    private void seekToStoredOffsets(List<TopicPartition> partitions) {
        Map<Integer, Long> stored = new HashMap<>();
        jdbc.query("SELECT partition_no, next_offset FROM query_node_offset WHERE topic = ?",
                rs -> { stored.put(rs.getInt(1), rs.getLong(2)); }, settings.topic());
        for (TopicPartition tp : partitions) {
            Long next = stored.get(tp.partition());
            if (next != null) {
                consumer.seek(tp, next);
            } else {
                consumer.seekToBeginning(List.of(tp));
            }
        }
    }

    // package-private: the transaction test drives one batch directly
    void applyBatch(ConsumerRecords<String, byte[]> records) {
        List<DomainEventMessage<?>> appliedNow = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            Map<TopicPartition, Long> next = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                applyRecord(record).ifPresent(appliedNow::add);
                next.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
            next.forEach(this::storeOffset);
        });
        // the batch committed (on rollback the exception stops the thread, and a restart seeks back to the stored offsets)
        if (!appliedNow.isEmpty()) {
            DomainEventMessage<?> last = appliedNow.get(appliedNow.size() - 1);
            lastAppliedEventId = last.getIdentifier();
            lastAppliedAt = last.getTimestamp();
            applied += appliedNow.size();
        }
    }

    private Optional<DomainEventMessage<?>> applyRecord(ConsumerRecord<String, byte[]> record) {
        Optional<DomainEventMessage<?>> decoded;
        try {
            decoded = format.decode(record.value());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot decode record " + where(record, null) + ": " + e.getMessage(), e);
        }
        if (decoded.isEmpty()) {
            return Optional.empty(); // a CloudEvent that is not a domain event (the chain head)
        }
        DomainEventMessage<?> event = decoded.get();
        Integer seen = jdbc.queryForObject("SELECT COUNT(*) FROM query_node_applied_event WHERE event_id = ?",
                Integer.class, event.getIdentifier());
        if (seen != null && seen > 0) {
            return Optional.empty(); // idempotent by event id: a duplicate changes nothing
        }
        try {
            source.apply(List.of(event));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot apply record " + where(record, event.getIdentifier()) + ": "
                    + e.getMessage(), e);
        }
        jdbc.update("INSERT INTO query_node_applied_event (event_id, topic, partition_no, record_offset, applied_at)"
                        + " VALUES (?, ?, ?, ?, ?)", event.getIdentifier(), record.topic(), record.partition(),
                record.offset(), Timestamp.from(Instant.now()));
        return Optional.of(event);
    }

    private void storeOffset(TopicPartition tp, long next) {
        int updated = jdbc.update("UPDATE query_node_offset SET next_offset = ? WHERE topic = ? AND partition_no = ?",
                next, tp.topic(), tp.partition());
        if (updated == 0) {
            jdbc.update("INSERT INTO query_node_offset (topic, partition_no, next_offset) VALUES (?, ?, ?)",
                    tp.topic(), tp.partition(), next);
        }
    }

    private static String where(ConsumerRecord<?, ?> record, String eventId) {
        return "topic=" + record.topic() + " partition=" + record.partition() + " offset=" + record.offset()
                + (eventId == null ? "" : " event=" + eventId);
    }

    /** What the health indicator reports. */
    Status status() {
        long total;
        synchronized (lag) {
            total = lag.values().stream().mapToLong(Long::longValue).sum();
        }
        return new Status(stoppedOn.get(), total, applied, lastAppliedEventId, lastAppliedAt);
    }

    record Status(String stoppedOn, long lag, long applied, String lastEventId, Instant lastEventTime) {
    }

    @Override
    public void stop() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
