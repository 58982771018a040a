package org.duban.app.audit.chain;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the hash chain. Events appended in a transaction are linked just before it commits, while the
 * transaction holds the lock on the one row of {@code audit_chain_head}: the tail of the chain is taken by one
 * committing transaction at a time, and rows of transactions that have not committed are invisible, so the
 * chain follows commit order without gaps. A failure here rolls the whole transaction back: no event is stored
 * without its link.
 */
@Component
public class EventChain {
    private static final Logger log = LoggerFactory.getLogger(EventChain.class);
    static final int ID_BATCH = 200;

    private final JdbcTemplate jdbc;
    private final HashAlgorithm algorithm;
    private final TransactionTemplate transactions;
    private final Timer linking;

    EventChain(JdbcTemplate jdbc, AuditProperties properties, PlatformTransactionManager transactionManager,
               MeterRegistry meters) {
        this.jdbc = jdbc;
        this.algorithm = properties.hashAlgorithm();
        this.transactions = new TransactionTemplate(transactionManager);
        this.linking = Timer.builder("duban.audit.chain.append")
                .description("time a committing transaction spends linking its events (lock wait included)")
                .register(meters);
    }

    /** Remembers events just appended in the current transaction; they are linked before it commits. */
    void enlist(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("events must be appended in a Spring-managed transaction to be chained");
        }
        PendingLinks pending = TransactionSynchronizationManager.getSynchronizations().stream()
                .filter(PendingLinks.class::isInstance).map(PendingLinks.class::cast)
                .filter(links -> links.chain() == this).findFirst().orElse(null);
        if (pending == null) {
            pending = new PendingLinks();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        for (EventMessage<?> event : events) {
            pending.eventIdentifiers.add(event.getIdentifier());
        }
    }

    /**
     * Links the events that were in the store when the chain was introduced (V7 recorded their last global
     * index), once, before anything else is linked. Appends also do this first, so start-up order does not matter.
     */
    @EventListener(ApplicationStartedEvent.class)
    public void backfillIfPending() {
        transactions.executeWithoutResult(status -> {
            Head head = lockHead();
            if (head.backfillTo() != null) {
                writeHead(backfill(head));
            }
        });
    }

    private void link(Collection<String> eventIdentifiers) {
        Timer.Sample sample = Timer.start();
        // this transaction's own rows need no lock: read before the head is taken, the head is held one round trip less
        List<ChainedEvent> events = appended(eventIdentifiers);
        Head head = lockHead();
        if (head.backfillTo() != null) {
            head = backfill(head);
        }
        head = append(head, events);
        writeHead(head);
        sample.stop(linking);
    }

    private List<ChainedEvent> appended(Collection<String> eventIdentifiers) {
        List<String> ids = new ArrayList<>(eventIdentifiers);
        List<ChainedEvent> events = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += ID_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
            String marks = String.join(",", Collections.nCopies(batch.size(), "?"));
            events.addAll(jdbc.query("select " + ChainedEvent.COLUMNS + " from domain_event_entry e "
                    + "where e.event_identifier in (" + marks + ")", (row, n) -> ChainedEvent.read(row, 1), batch.toArray()));
        }
        if (events.size() != ids.size()) {
            // Axon flushes each append, so every enlisted event must be visible here; anything else is a bug
            throw new IllegalStateException("the audit chain expected " + ids.size() + " appended events in this "
                    + "transaction but found " + events.size());
        }
        events.sort(Comparator.comparingLong(ChainedEvent::globalIndex));
        return events;
    }

    private Head backfill(Head head) {
        long count = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            List<ChainedEvent> page = jdbc.query("select " + ChainedEvent.COLUMNS + " from domain_event_entry e "
                            + "where e.global_index > ? and e.global_index <= ? order by e.global_index limit 500",
                    (row, n) -> ChainedEvent.read(row, 1), after, head.backfillTo());
            if (page.isEmpty()) {
                break;
            }
            head = append(head, page);
            after = page.get(page.size() - 1).globalIndex();
            count += page.size();
        }
        log.info("audit chain: linked {} events that were stored before the chain existed", count);
        return new Head(head.position(), head.globalIndex(), head.hash(), head.algorithm(), null);
    }

    private Head append(Head head, List<ChainedEvent> events) {
        List<Object[]> rows = new ArrayList<>(events.size());
        long position = head.position();
        byte[] previous = head.position() == 0 ? ChainHash.genesis(algorithm) : head.hash();
        for (ChainedEvent event : events) {
            position++;
            byte[] hash = ChainHash.of(algorithm, previous, position, event);
            rows.add(new Object[]{position, event.globalIndex(), event.eventIdentifier(), algorithm.label(), previous, hash});
            previous = hash;
        }
        if (rows.isEmpty()) {
            return head;
        }
        jdbc.batchUpdate("insert into audit_chain_link (position, global_index, event_identifier, algorithm, "
                + "prev_hash, hash) values (?, ?, ?, ?, ?, ?)", rows);
        return new Head(position, events.get(events.size() - 1).globalIndex(), previous, algorithm.label(),
                head.backfillTo());
    }

    private Head lockHead() {
        List<Head> heads = jdbc.query("select position, global_index, hash, algorithm, backfill_to "
                + "from audit_chain_head where id = 1 for update", (row, n) -> new Head(row.getLong(1),
                (Long) row.getObject(2, Long.class), row.getBytes(3), row.getString(4), row.getObject(5, Long.class)));
        if (heads.isEmpty()) {
            throw new IllegalStateException("audit_chain_head has no row: the audit chain cannot be extended");
        }
        return heads.get(0);
    }

    private void writeHead(Head head) {
        jdbc.update("update audit_chain_head set position = ?, global_index = ?, hash = ?, algorithm = ?, "
                        + "backfill_to = ?, updated_at = ? where id = 1", head.position(), head.globalIndex(), head.hash(),
                head.algorithm(), head.backfillTo(), OffsetDateTime.now(ZoneOffset.UTC));
    }

    private record Head(long position, Long globalIndex, byte[] hash, String algorithm, Long backfillTo) {
    }

    /** The events one transaction appended, linked in its {@code beforeCommit}. */
    private final class PendingLinks implements TransactionSynchronization {
        final Set<String> eventIdentifiers = new LinkedHashSet<>();

        EventChain chain() {
            return EventChain.this;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            link(eventIdentifiers);
        }

        /** Last, so that the head lock is held for as short a time as possible before the commit. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
