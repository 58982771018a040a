package org.duban.app.rebuild;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.duban.app.nodes.AdvisoryLocks;
import org.duban.app.nodes.NodeIdentity;
import org.duban.app.persistence.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;

/**
 * Keeps live event handling and a rebuild apart, on every node that shares the database.
 * <p>
 * Every transaction that publishes events holds a shared lock from its first event until it completes; a rebuild
 * takes the lock exclusively for its short critical steps (reset, the final catch-up, or the restore after a failed
 * run), so at those moments no append is in flight and the highest global index is final. Between the two steps the
 * projections being rebuilt are <em>suspended</em>: their processors skip live events, which the catch-up then
 * replays in order.
 * <p>
 * The lock is two locks taken in one order: a read/write lock of this JVM, and on PostgreSQL the advisory lock
 * {@link AdvisoryLocks#REBUILD_GATE}, taken shared ({@code pg_advisory_xact_lock_shared}) in the publishing
 * transaction and exclusively by the rebuild's step, both released by the server when their transaction ends. The
 * suspended projections are rows of {@code projection_suspension}, written and removed only under the exclusive
 * lock; a publishing transaction reads them once it holds the shared lock, so they cannot change under it.
 */
@Component
class RebuildGate {
    private static final Logger log = LoggerFactory.getLogger(RebuildGate.class);
    private static final String HELD = RebuildGate.class.getName() + ".held";
    /** The suspended processors as the publishing transaction read them under the shared lock. */
    private static final String READ = RebuildGate.class.getName() + ".suspended";

    private final ReentrantReadWriteLock appends = new ReentrantReadWriteLock();
    private final Set<String> suspended = ConcurrentHashMap.newKeySet();
    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final DataSource dataSource;
    private final String node;
    private volatile Boolean postgres;

    RebuildGate(JdbcTemplate jdbc, TransactionTemplate transaction, DataSource dataSource,
                @Value("${" + NodeIdentity.PROPERTY + "}") String node) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transaction.getTransactionManager());
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.dataSource = dataSource;
        this.node = node;
    }

    /** For every event processor: skip the event while the processor's projections are being rebuilt. */
    MessageHandlerInterceptor<EventMessage<?>> skipWhileSuspended(String processor) {
        return (unitOfWork, chain) -> isSuspended(processor) ? null : chain.proceed();
    }

    /** For the event bus: a publishing transaction holds the shared lock until it commits or rolls back. */
    MessageDispatchInterceptor<EventMessage<?>> holdWhileAppending() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                holdUntilCompletion();
                return (index, message) -> message;
            }
        };
    }

    private void holdUntilCompletion() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            if (TransactionSynchronizationManager.hasResource(HELD)) {
                return;
            }
            appends.readLock().lock();
            TransactionSynchronizationManager.bindResource(HELD, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(HELD);
                    TransactionSynchronizationManager.unbindResourceIfPossible(READ);
                    appends.readLock().unlock();
                }
            });
            if (postgres() && TransactionSynchronizationManager.isActualTransactionActive()) {
                // other nodes: wait for a rebuild's step there, then see what it suspended
                jdbc.query("select pg_advisory_xact_lock_shared(?, ?)", row -> {
                }, AdvisoryLocks.NAMESPACE, AdvisoryLocks.REBUILD_GATE);
                TransactionSynchronizationManager.bindResource(READ, new HashSet<>(jdbc.queryForList(
                        "select processor from projection_suspension", String.class)));
            }
        } else if (CurrentUnitOfWork.isStarted()) {
            var root = CurrentUnitOfWork.get().root();
            if (root.resources().putIfAbsent(HELD, Boolean.TRUE) == null) {
                appends.readLock().lock();
                root.onCleanup(unitOfWork -> appends.readLock().unlock());
            }
        }
        // an event published outside any transaction or unit of work is stored and handled at once: nothing to hold
    }

    /**
     * Suspends {@code processors} on every node and answers the highest global index (the head): waits until no
     * transaction is appending events, then, while new appends wait, records the suspension and reads the head in a
     * transaction of its own, committed before appends go on.
     *
     * @throws RebuildRefused when appends do not stop within {@code wait}, or another node rebuilds one of them
     */
    long suspendAtHead(Duration wait, Collection<String> processors, String runId) {
        lockExclusively(wait);
        try {
            Long head = newTransaction.execute(status -> {
                lockExclusivelyAcrossNodes(wait);
                Set<String> busy = new HashSet<>(jdbc.queryForList("select processor from projection_suspension",
                        String.class));
                busy.retainAll(processors);
                if (!busy.isEmpty()) {
                    String where = jdbc.queryForObject("select min(node) from projection_suspension where processor = ?",
                            String.class, busy.iterator().next());
                    throw new RebuildRefused("a rebuild of " + String.join(", ", busy) + " is running on node " + where
                            + "; wait for it to finish");
                }
                Timestamp since = Timestamp.from(Instant.now());
                try {
                    for (String processor : processors) {
                        jdbc.update("insert into projection_suspension (processor, node, run_id, since) values (?, ?, ?, ?)",
                                processor, node, runId, since);
                    }
                } catch (DuplicateKeyException raced) {
                    throw new RebuildRefused("another node started a rebuild of " + String.join(", ", processors)
                            + " at the same moment; wait for it to finish");
                }
                return jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
            });
            suspended.addAll(processors);
            return head == null ? -1 : head;
        } finally {
            appends.writeLock().unlock();
        }
    }

    /**
     * Waits until no transaction is appending events and keeps new appends waiting until the calling transaction
     * completes; {@code beforeRelease} runs at completion (with its status), while appends still wait. Must be called
     * inside the transaction whose completion ends the exclusive step.
     *
     * @throws RebuildRefused when appends do not stop within {@code wait}
     */
    void exclusivelyUntilCompletion(Duration wait, IntConsumer beforeRelease) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("the exclusive step of a rebuild must run in a transaction");
        }
        lockExclusively(wait);
        try {
            lockExclusivelyAcrossNodes(wait);
        } catch (RuntimeException | Error e) {
            appends.writeLock().unlock();
            throw e;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                try {
                    beforeRelease.accept(status);
                } finally {
                    appends.writeLock().unlock();
                }
            }
        });
    }

    private void lockExclusively(Duration wait) {
        try {
            if (!appends.writeLock().tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new RebuildRefused("the system kept appending events for " + wait.toSeconds()
                        + " s; try again when it is quieter");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RebuildRefused("interrupted while waiting for appends to stop");
        }
    }

    /** On PostgreSQL: the advisory lock, exclusively, in the current transaction; waits at most {@code wait}. */
    private void lockExclusivelyAcrossNodes(Duration wait) {
        if (!postgres()) {
            return;
        }
        try {
            jdbc.queryForObject("select set_config('lock_timeout', ?, true)", String.class,
                    Math.max(1, wait.toMillis()) + "ms");
            jdbc.query("select pg_advisory_xact_lock(?, ?)", row -> {
            }, AdvisoryLocks.NAMESPACE, AdvisoryLocks.REBUILD_GATE);
            jdbc.queryForObject("select set_config('lock_timeout', '0', true)", String.class);
        } catch (DataAccessException e) {
            throw new RebuildRefused("the system kept appending events on another node for " + wait.toSeconds()
                    + " s; try again when it is quieter");
        }
    }

    /** Within the transaction that ends the exclusive step: live handling resumes on every node when it commits. */
    void resumeOnCommit(Collection<String> processors) {
        for (String processor : processors) {
            jdbc.update("delete from projection_suspension where processor = ? and node = ?", processor, node);
        }
    }

    /** Resumes {@code processors} here and, in a transaction of its own, on every node. */
    void resume(Collection<String> processors) {
        suspended.removeAll(processors);
        try {
            newTransaction.executeWithoutResult(status -> resumeOnCommit(processors));
        } catch (RuntimeException e) {
            log.error("could not record that {} resumed live handling; other nodes skip their events until a "
                    + "rebuild of them succeeds", processors, e);
        }
    }

    /** Resumes here only: the suspension rows went with the transaction that committed the catch-up. */
    void resumeHere(Collection<String> processors) {
        suspended.removeAll(processors);
    }

    boolean isSuspended(String processor) {
        if (suspended.contains(processor)) {
            return true;
        }
        Object read = TransactionSynchronizationManager.getResource(READ);
        return read instanceof Set<?> elsewhere && elsewhere.contains(processor);
    }

    /**
     * A node that stopped during a rebuild left its projections suspended for every node; no rebuild of this node's
     * runs now, so they resume. Their views may lack the events appended during that run: rebuild them.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeWhatThisNodeLeftSuspended() {
        List<String> left = jdbc.queryForList("select processor from projection_suspension where node = ?",
                String.class, node);
        if (!left.isEmpty()) {
            log.warn("projections {} were being rebuilt by this node ({}) when it stopped: live handling resumes, and "
                    + "their views may lack the events appended meanwhile; rebuild them", left, node);
            resume(left);
        }
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = SchemaMigrations.Database.of(dataSource) == SchemaMigrations.Database.POSTGRESQL;
            postgres = known;
        }
        return known;
    }
}
