package org.duban.app.stream;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sends every committed domain event to the topic (docs/EVENT-STREAM.md). It is the handler of the tracking processor
 * {@value #PROCESSING_GROUP}: events reach it only after their transaction committed, in the store's order. Each event
 * of a batch is sent at once; before the batch's token is stored the publisher waits for the broker's acknowledgement of
 * every record, then publishes the audit chain's head as far as the batch reaches. A send that fails or is not
 * acknowledged in time fails the batch: the processor rolls back its token and retries from there, so nothing is
 * lost and an event may arrive twice (with the same id).
 */
@ProcessingGroup(EventStreamPublisher.PROCESSING_GROUP)
public class EventStreamPublisher {
    public static final String PROCESSING_GROUP = "event-stream";
    /** The CloudEvent type of the chain head record; its key and subject are {@value #CHAIN_SUBJECT}. */
    public static final String CHAIN_HEAD_TYPE = "org.duban.audit.ChainHeadPublished";
    public static final String CHAIN_SUBJECT = "audit-chain";
    static final String CONTENT_TYPE_HEADER = "content-type";

    private static final Logger log = LoggerFactory.getLogger(EventStreamPublisher.class);
    private static final String BATCH = EventStreamPublisher.class.getName() + ".batch";

    private final Supplier<Producer<String, byte[]>> producers;
    private final CloudEventFormat format;
    private final JdbcTemplate jdbc;
    private final EventStreamSettings settings;
    private final EventStreamStatus status;
    private Producer<String, byte[]> producer;

    public EventStreamPublisher(Supplier<Producer<String, byte[]>> producers, CloudEventFormat format, JdbcTemplate jdbc,
                                EventStreamSettings settings, EventStreamStatus status) {
        this.producers = producers;
        this.format = format;
        this.jdbc = jdbc;
        this.settings = settings;
        this.status = status;
    }

    @EventHandler
    void publish(Object payload, EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        if (!(event instanceof DomainEventMessage<?> domainEvent)) {
            return; // the store holds domain events only; anything else has no aggregate to key it by
        }
        UnitOfWork<?> batchWork = unitOfWork.root();
        Batch batch = batchWork.getOrComputeResource(BATCH, key -> {
            Batch started = new Batch();
            // the batch's unit of work stores the token in the same transaction: failing here rolls it back
            batchWork.onPrepareCommit(work -> complete(started));
            return started;
        });
        try {
            batch.add(domainEvent, producer().send(record(domainEvent.getAggregateIdentifier(), format.encode(domainEvent))));
        } catch (RuntimeException e) {
            throw failed(e, batch);
        }
    }

    private void complete(Batch batch) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.publishTimeoutMs());
        try {
            for (Future<RecordMetadata> sent : batch.sent) {
                await(sent, deadline);
            }
            ChainLink link = latestLink(batch);
            if (link != null) {
                // the same link always gives the same id, so a consumer drops a repeated head like a repeated event
                await(producer().send(record(CHAIN_SUBJECT, format.encodeRecord(CHAIN_SUBJECT + "-" + link.position(),
                        CHAIN_HEAD_TYPE, CHAIN_SUBJECT, link.time(), link.data()))), deadline);
            }
            status.published(batch.events.size(), batch.lastGlobalIndex, link);
        } catch (RuntimeException e) {
            throw failed(e, batch);
        }
    }

    private static void await(Future<RecordMetadata> sent, long deadline) {
        try {
            sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new EventStreamUnavailable("the broker did not take a record: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new EventStreamUnavailable("the broker did not acknowledge the batch in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStreamUnavailable("interrupted while waiting for the broker", e);
        }
    }

    /**
     * The chain's link of the batch's event that came last in the chain (the highest position). Every link up to it
     * is of an event committed before it, so {@code position:hash} anchors the chain as far as this batch reaches.
     */
    private ChainLink latestLink(Batch batch) {
        if (batch.events.isEmpty()) {
            return null;
        }
        List<String> ids = batch.events.stream().map(EventMessage::getIdentifier).toList();
        String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
        List<ChainLink> links = jdbc.query("select position, global_index, event_identifier, hash, algorithm"
                        + " from audit_chain_link where event_identifier in (" + marks + ") order by position desc",
                (rs, row) -> new ChainLink(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        HexFormat.of().formatHex(rs.getBytes(4)), rs.getString(5), null), ids.toArray());
        if (links.isEmpty()) {
            return null; // events stored before the chain existed and never backfilled
        }
        ChainLink latest = links.get(0);
        // the time of the link's event, not of the sending: a head sent again is the same record
        Instant time = batch.events.stream().filter(e -> e.getIdentifier().equals(latest.eventId())).findFirst()
                .map(EventMessage::getTimestamp).orElseThrow();
        return latest.at(time);
    }

    private ProducerRecord<String, byte[]> record(String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), key, value);
        record.headers().add(new RecordHeader(CONTENT_TYPE_HEADER,
                CloudEventFormat.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private RuntimeException failed(RuntimeException e, Batch batch) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        status.failed(e.getMessage(), batch.firstGlobalIndex);
        log.warn("Event stream: batch from global index {} not published, will retry: {}", batch.firstGlobalIndex,
                e.getMessage());
        if (!(cause instanceof RetriableException) && !(e instanceof EventStreamUnavailable)) {
            // not a passing outage (a producer closed or fenced): start over with a new producer
            closeProducer();
        }
        return e instanceof EventStreamUnavailable ? e : new EventStreamUnavailable(e.getMessage(), e);
    }

    synchronized void closeProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.debug("closing the producer: {}", e.getMessage());
            }
            producer = null;
        }
    }

    /**
     * The link published as {@value #CHAIN_HEAD_TYPE}'s data: {@code reference} is what
     * {@code GET /api/audit/chain/verification?head=} and {@code --duban.audit.verify.head=} take.
     */
    public record ChainLink(long position, long globalIndex, String eventId, String hash, String algorithm,
                            Instant time) {
        ChainLink at(Instant time) {
            return new ChainLink(position, globalIndex, eventId, hash, algorithm, time);
        }

        /** {@code position:hash}, as the verification takes a head. */
        public String reference() {
            return position + ":" + hash;
        }

        Map<String, Object> data() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("position", position);
            data.put("globalIndex", globalIndex);
            data.put("eventId", eventId);
            data.put("hash", hash);
            data.put("algorithm", algorithm);
            data.put("reference", reference());
            return data;
        }
    }

    private static final class Batch {
        final List<DomainEventMessage<?>> events = new ArrayList<>();
        final List<Future<RecordMetadata>> sent = new ArrayList<>();
        Long firstGlobalIndex;
        Long lastGlobalIndex;

        void add(DomainEventMessage<?> event, Future<RecordMetadata> send) {
            events.add(event);
            sent.add(send);
            if (event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
                Long index = tracked.trackingToken().position().stream().boxed().findFirst().orElse(null);
                if (firstGlobalIndex == null) {
                    firstGlobalIndex = index;
                }
                lastGlobalIndex = index;
            }
        }
    }
}
