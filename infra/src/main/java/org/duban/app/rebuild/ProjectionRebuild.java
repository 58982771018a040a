package org.duban.app.rebuild;

import jakarta.annotation.PreDestroy;
import jakarta.persistence.EntityManager;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.duban.app.axon.EventHandlerFailed;
import org.duban.app.axon.FailedEvent;
import org.duban.query.TransactionMemory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Drops and rebuilds one or all projections by replaying the event store, one run at a time, in <b>one
 * transaction</b>: a run commits rebuilt views or, when a projection cannot apply some event, rolls back to the views
 * it found and names that event.
 * <ol>
 *     <li><b>Reset</b>: while the {@link RebuildGate} holds appends back, the projections' live handling is suspended
 *     and the highest global index (the head) is read. No append is in flight at that moment, so every event up to the
 *     head is committed. Their reset handlers then empty their tables.</li>
 *     <li><b>Replay</b> the events up to the head in global order, read ahead in pages on a thread of their own
 *     ({@link StoredEvents}), in batches of {@code batch-size} events: the projections apply a batch without a flush,
 *     then what JPA projections wrote is flushed and forgotten at once. Each batch starts at a savepoint; when any of
 *     its events fails (in a handler or at the flush), the batch is rolled back to it and applied again event by event,
 *     flushing after each event and projection, which stops at and names the event that fails. Appends go on
 *     meanwhile; the suspended projections skip them, and readers still see the views as they were.</li>
 *     <li><b>Catch up</b> while the gate holds appends back until the transaction completes: replay the events appended
 *     since the head, commit, resume live handling, let appends go on.</li>
 * </ol>
 * A run that fails rolls back, then <b>restores</b>: while appends wait, the events appended since the head (skipped
 * live) are applied to the views it found, and live handling resumes. Every event therefore reaches each projection
 * exactly once, in order, whatever runs meanwhile on this node or another one sharing the database (the gate's lock
 * and the suspension are the database's on PostgreSQL, see docs/REBUILD.md).
 */
@Service
public class ProjectionRebuild {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final RebuildCatalog catalog;
    private final RebuildGate gate;
    private final EventStorageEngine events;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final RebuildJdbcTemplate projectionsJdbc;
    private final org.axonframework.config.Configuration axon;
    private final EntityManagerProvider entityManagers;
    private final TransactionTemplate transaction;
    private final int batchSize;
    private final Duration lockWait;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Run> latest = new AtomicReference<>();

    ProjectionRebuild(RebuildCatalog catalog, RebuildGate gate, EventStorageEngine events, JdbcTemplate jdbc,
                      DataSource dataSource, RebuildJdbcTemplate projectionsJdbc,
                      org.axonframework.config.Configuration axon,
                      EntityManagerProvider entityManagers, TransactionTemplate transaction,
                      @Value("${duban.projection-rebuild.batch-size:500}") int batchSize,
                      @Value("${duban.projection-rebuild.lock-wait:30s}") Duration lockWait) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("duban.projection-rebuild.batch-size must be at least 1");
        }
        this.catalog = catalog;
        this.gate = gate;
        this.events = events;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.projectionsJdbc = projectionsJdbc;
        this.axon = axon;
        this.entityManagers = entityManagers;
        this.transaction = transaction;
        this.batchSize = batchSize;
        this.lockWait = lockWait;
    }

    /** Each projection with the rows of each of its tables. */
    public List<ProjectionRows> projections() {
        return catalog.all().stream().map(target -> {
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String table : target.tables()) {
                rows.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
            }
            return new ProjectionRows(target.name(), target.projections().stream().map(Class::getSimpleName).toList(),
                    rows, rows.values().stream().mapToLong(Long::longValue).sum());
        }).toList();
    }

    /** The run going on, or else the last one since start-up. */
    public Optional<RebuildProgress> progress() {
        return Optional.ofNullable(latest.get()).map(Run::progress);
    }

    /**
     * Starts rebuilding in the background.
     *
     * @param projection a projection's name; null, blank or {@code all} for every projection
     * @throws RebuildRefused  when a run is going on
     * @throws org.duban.app.web.NotFound when no projection has that name
     */
    public RebuildProgress start(String projection) {
        Run run = claim(projection);
        worker.submit(() -> execute(run, progress -> {
        }));
        return run.progress();
    }

    /** Rebuilds in the calling thread, telling {@code onProgress} every {@code batch-size} events; answers the final figures. */
    public RebuildProgress runHere(String projection, Consumer<RebuildProgress> onProgress) {
        Run run = claim(projection);
        execute(run, onProgress);
        return run.progress();
    }

    private synchronized Run claim(String projection) {
        Run previous = latest.get();
        if (previous != null && previous.progress().running()) {
            throw new RebuildRefused("a rebuild of " + String.join(", ", previous.names) + " is running (run "
                    + previous.id + "); wait for it to finish");
        }
        Run run = new Run(catalog.select(projection));
        latest.set(run);
        return run;
    }

    private void execute(Run run, Consumer<RebuildProgress> onProgress) {
        try {
            // The whole run is one transaction: it commits rebuilt views, or rolls back to the views it found.
            transaction.executeWithoutResult(status -> {
                run.head = gate.suspendAtHead(lockWait, run.names, run.id);
                run.suspended = true;
                run.total = jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?",
                        Long.class, run.head);
                run.targets.forEach(RebuildTarget::reset);
                detach(); // a JPA projection's deleted rows must be gone before the replay writes rows with their ids
                run.phase = RebuildProgress.Phase.REPLAYING;
                onProgress.accept(run.progress());
                // up to the head only: what was appended since the reset is left to the catch-up
                // read as the storage engine reads: with the same serializer and upcasters
                try (StoredEvents stored = new StoredEvents(dataSource, axon.eventSerializer(), axon.upcasterChain(),
                        run.head)) {
                    replay(run, stored, onProgress);
                }
                run.phase = RebuildProgress.Phase.CATCHING_UP;
                onProgress.accept(run.progress());
                gate.exclusivelyUntilCompletion(lockWait, completion -> {
                    if (completion == TransactionSynchronization.STATUS_COMMITTED) {
                        gate.resumeHere(run.names);
                    }
                });
                replayTail(run, true);
                gate.resumeOnCommit(run.names);
            });
            run.finish(null, null);
            log.info(run.progress().line());
        } catch (RuntimeException | Error e) {
            EventHandlerFailed failed = EventHandlerFailed.in(e);
            String why = failed != null ? "stopped at " + failed.event().describe()
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            log.error("rebuild of {} failed and was rolled back: {}", run.names, why, e);
            if (run.suspended) {
                why += "; " + restore(run, onProgress);
            } else {
                why += "; the views were not touched";
            }
            run.finish(why, failed == null ? null : failed.event());
        }
        onProgress.accept(run.progress());
    }

    /**
     * After a failed run, whose transaction rolled back: the views are as they were when it started, but the events
     * appended since then were skipped live (their projections were suspended). Applies them to those views, while
     * appends wait, then resumes live handling. Answers what happened, for the run's result.
     */
    private String restore(Run run, Consumer<RebuildProgress> onProgress) {
        run.phase = RebuildProgress.Phase.RESTORING;
        onProgress.accept(run.progress());
        try {
            while (true) {
                try {
                    long[] caughtUp = new long[1];
                    transaction.executeWithoutResult(status -> {
                        gate.exclusivelyUntilCompletion(lockWait, completion -> gate.resumeHere(run.names));
                        caughtUp[0] = replayTail(run, false);
                        gate.resumeOnCommit(run.names);
                    });
                    return "the views were left as they were before the run" + (caughtUp[0] == 0 ? ""
                            : ", with the " + caughtUp[0] + " events appended during the run applied to them");
                } catch (RebuildRefused busy) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw busy;
                    }
                    // the views must be caught up before live handling resumes: wait for the next quiet moment
                    log.warn("restoring the views of {} waits for appends to stop", run.names);
                }
            }
        } catch (RuntimeException | Error e) {
            EventHandlerFailed failed = EventHandlerFailed.in(e);
            log.error("the events appended during the failed rebuild of {} could not be applied", run.names, e);
            return "the views were left as they were before the run, but the events appended during the run could not "
                    + "be applied to them (" + (failed != null ? failed.event().describe() : e.getMessage())
                    + "): they lack those events until a rebuild succeeds";
        } finally {
            gate.resume(run.names);
        }
    }

    /**
     * Applies the stored events in batches of {@code batch-size}: no flush within a batch, one flush and clearing of
     * the persistence context at its end; the JDBC projections' inserts are held and sent in JDBC batches
     * ({@link RebuildJdbcTemplate}). A batch that fails anywhere is rolled back to the savepoint it started at
     * and applied again event by event ({@link #redo}), so the run still stops at and names the event that fails.
     */
    private void replay(Run run, StoredEvents stored, Consumer<RebuildProgress> onProgress) {
        Connection connection = DataSourceUtils.getConnection(dataSource); // the run's, as the JDBC projections' is
        projectionsJdbc.holdInserts();
        try {
            List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
            Savepoint start = connection.setSavepoint();
            for (List<TrackedEventMessage<?>> page = stored.next(); !page.isEmpty(); page = stored.next()) {
                for (TrackedEventMessage<?> event : page) {
                    batch.add(event);
                    try {
                        for (RebuildTarget target : run.targets) {
                            target.apply(event);
                        }
                    } catch (Exception e) {
                        redo(run, connection, start, batch, e);
                    }
                    if (batch.size() == batchSize) {
                        start = endBatch(run, connection, start, batch);
                        onProgress.accept(run.progress());
                    }
                }
            }
            start = endBatch(run, connection, start, batch);
            connection.releaseSavepoint(start);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set a savepoint for a batch of the rebuild: " + e.getMessage(), e);
        } finally {
            projectionsJdbc.stopHolding();
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** Writes what the batch left in the persistence context, and starts the next batch at a new savepoint. */
    private Savepoint endBatch(Run run, Connection connection, Savepoint start, List<TrackedEventMessage<?>> batch)
            throws SQLException {
        try {
            projectionsJdbc.sendHeld();
            detach();
        } catch (RuntimeException e) {
            redo(run, connection, start, batch, e);
        }
        run.done += batch.size();
        batch.clear();
        connection.releaseSavepoint(start);
        return connection.setSavepoint();
    }

    /**
     * After a batch failed: back to the savepoint it started at, then its events one by one, each flushed after each
     * projection, until the one that fails, which is thrown as that event's failure.
     */
    private void redo(Run run, Connection connection, Savepoint start, List<TrackedEventMessage<?>> batch,
                      Exception failure) throws SQLException {
        projectionsJdbc.stopHolding(); // what is held belongs to the batch rolled back; redo without holding
        connection.rollback(start);
        entityManagers.getEntityManager().clear();
        TransactionMemory.forgetAll(); // what the projections remembered may be of the batch rolled back
        for (TrackedEventMessage<?> event : batch) {
            applyTo(run.targets, event);
            run.done++;
        }
        // every event of the batch applies alone: the failure was not one event's (a deadlock, a lost connection)
        throw new IllegalStateException("a batch of the rebuild failed, but none of its events does alone: "
                + failure.getMessage(), failure);
    }

    /** Replays the events stored after the run's head; answers how many. */
    private long replayTail(Run run, boolean count) {
        TrackingToken after = run.head < 0 ? null : GapAwareTrackingToken.newInstance(run.head, Collections.emptySet());
        long replayed = 0;
        try (Stream<? extends TrackedEventMessage<?>> tail = events.readEvents(after, false)) {
            Iterator<? extends TrackedEventMessage<?>> next = tail.iterator();
            while (next.hasNext()) {
                TrackedEventMessage<?> event = next.next();
                if (count) {
                    run.total++;
                    apply(run, event);
                } else {
                    applyTo(run.targets, event);
                }
                replayed++;
            }
        }
        return replayed;
    }

    private void apply(Run run, TrackedEventMessage<?> event) {
        applyTo(run.targets, event);
        run.done++;
    }

    /**
     * Hands the event to each projection and flushes what a JPA projection wrote, so that a failure is the event's
     * own and named as such, whatever kind of projection it is.
     */
    private void applyTo(List<RebuildTarget> targets, TrackedEventMessage<?> event) {
        for (RebuildTarget target : targets) {
            try {
                target.apply(event);
                entityManagers.getEntityManager().flush();
            } catch (Exception e) {
                throw new EventHandlerFailed(FailedEvent.of(target.name(), event, e), e);
            }
        }
        // each flush checks every entity in the persistence context: keep it to the entities of one event
        entityManagers.getEntityManager().clear();
    }

    /** Writes and forgets what the persistence context holds, so that the replay starts from the database. */
    private void detach() {
        EntityManager entityManager = entityManagers.getEntityManager();
        entityManager.flush();
        entityManager.clear();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** A projection with its tables' row counts. */
    public record ProjectionRows(String name, List<String> handlers, Map<String, Long> tableRows, long rows) {
    }

    /** The state of one run; written by the thread that runs it, read by anyone. */
    private static final class Run {
        final String id = UUID.randomUUID().toString();
        final List<RebuildTarget> targets;
        final List<String> names;
        final Instant startedAt = Instant.now();
        final long startedNanos = System.nanoTime();
        volatile RebuildProgress.Phase phase = RebuildProgress.Phase.RESETTING;
        volatile long done;
        volatile long total;
        volatile long head = -1;
        volatile boolean suspended;
        volatile Instant finishedAt;
        volatile long finishedNanos;
        volatile String error;
        volatile FailedEvent failedEvent;

        Run(List<RebuildTarget> targets) {
            this.targets = targets;
            this.names = targets.stream().map(RebuildTarget::name).toList();
        }

        void finish(String failure, FailedEvent failedAt) {
            error = failure;
            failedEvent = failedAt;
            finishedNanos = System.nanoTime();
            phase = RebuildProgress.Phase.DONE;
            finishedAt = Instant.now();
        }

        RebuildProgress progress() {
            Instant finished = finishedAt;
            RebuildProgress.State state = finished == null ? RebuildProgress.State.RUNNING
                    : error == null ? RebuildProgress.State.SUCCEEDED : RebuildProgress.State.FAILED;
            long nanos = (finished == null ? System.nanoTime() : finishedNanos) - startedNanos;
            long replayed = done;
            long of = Math.max(total, replayed);
            double percent = of == 0 ? (finished == null ? 0 : 100) : 100.0 * replayed / of;
            double rate = nanos <= 0 ? 0 : replayed / (nanos / 1e9);
            return new RebuildProgress(id, names, state, phase, replayed, of, percent, rate, startedAt, finished,
                    finished == null ? null : nanos / 1_000_000, error, failedEvent);
        }
    }
}
