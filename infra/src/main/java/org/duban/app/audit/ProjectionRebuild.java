package org.duban.app.audit;

import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
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
 * Drops and rebuilds one or all projections by replaying the event store, one run at a time.
 * <ol>
 *     <li><b>Reset</b>, in one transaction that holds the {@link RebuildGate} exclusively: the projections' live
 *     handling is suspended, their reset handlers empty their tables, and the highest global index (the head) is
 *     read. No append is in flight at that moment, so every event up to the head is committed.</li>
 *     <li><b>Replay</b> the events up to the head in global order from the storage engine, {@code batch-size} events
 *     per transaction. Appends go on meanwhile; the suspended projections skip them.</li>
 *     <li><b>Catch up</b>, in one transaction that holds the gate exclusively again: replay the events appended since
 *     the head, then resume live handling before appends may go on.</li>
 * </ol>
 * Every event therefore reaches each rebuilt projection exactly once, in order, whatever runs meanwhile in this JVM.
 * While a run replays, the rebuilt views are incomplete for readers. The gate is per JVM: with several application
 * nodes on one database, stop the others first (see docs/REBUILD.md).
 */
@Service
public class ProjectionRebuild {
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final RebuildCatalog catalog;
    private final RebuildGate gate;
    private final EventStorageEngine events;
    private final JdbcTemplate jdbc;
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
                      TransactionTemplate transaction,
                      @Value("${duban.projection-rebuild.batch-size:500}") int batchSize,
                      @Value("${duban.projection-rebuild.lock-wait:30s}") Duration lockWait) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("duban.projection-rebuild.batch-size must be at least 1");
        }
        this.catalog = catalog;
        this.gate = gate;
        this.events = events;
        this.jdbc = jdbc;
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

    /** Rebuilds in the calling thread, telling {@code onProgress} after each batch; answers the final figures. */
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
        List<String> processors = run.names;
        try {
            long head = transaction.execute(status -> {
                gate.exclusivelyUntilCompletion(lockWait, completion -> {
                    if (completion != TransactionSynchronization.STATUS_COMMITTED) {
                        gate.resume(processors);
                    }
                });
                gate.suspend(processors);
                run.targets.forEach(RebuildTarget::reset);
                Long max = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
                long seen = max == null ? -1 : max;
                run.total = jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?",
                        Long.class, seen);
                return seen;
            });
            run.phase = RebuildProgress.Phase.REPLAYING;
            onProgress.accept(run.progress());
            try (Stream<? extends TrackedEventMessage<?>> stored = events.readEvents(null, false)) {
                Iterator<? extends TrackedEventMessage<?>> next = stored.iterator();
                boolean more = true;
                while (more) {
                    more = Boolean.TRUE.equals(transaction.execute(status -> replayBatch(run, next, head)));
                    onProgress.accept(run.progress());
                }
            }
            run.phase = RebuildProgress.Phase.CATCHING_UP;
            transaction.executeWithoutResult(status -> {
                gate.exclusivelyUntilCompletion(lockWait, completion -> gate.resume(processors));
                try (Stream<? extends TrackedEventMessage<?>> tail = events.readEvents(run.position, false)) {
                    tail.forEach(event -> {
                        run.total++;
                        apply(run, event);
                    });
                }
            });
            run.finish(null);
            log.info(run.progress().line());
        } catch (RuntimeException | Error e) {
            gate.resume(processors);
            run.finish(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            log.error("rebuild of {} failed; these views are incomplete until a rebuild succeeds", processors, e);
        }
        onProgress.accept(run.progress());
    }

    /** Replays up to {@code batchSize} events not past the head; answers whether more may follow. */
    private Boolean replayBatch(Run run, Iterator<? extends TrackedEventMessage<?>> next, long head) {
        for (int done = 0; done < batchSize; done++) {
            if (!next.hasNext()) {
                return false;
            }
            TrackedEventMessage<?> event = next.next();
            if (event.trackingToken().position().orElseThrow() > head) {
                // appended since the reset: left to the catch-up, which reads again from the last replayed event
                return false;
            }
            apply(run, event);
        }
        return true;
    }

    private static void apply(Run run, TrackedEventMessage<?> event) {
        for (RebuildTarget target : run.targets) {
            target.apply(event);
        }
        run.position = event.trackingToken();
        run.done++;
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
        volatile TrackingToken position;
        volatile Instant finishedAt;
        volatile long finishedNanos;
        volatile String error;

        Run(List<RebuildTarget> targets) {
            this.targets = targets;
            this.names = targets.stream().map(RebuildTarget::name).toList();
        }

        void finish(String failure) {
            error = failure;
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
                    finished == null ? null : nanos / 1_000_000, error);
        }
    }
}
