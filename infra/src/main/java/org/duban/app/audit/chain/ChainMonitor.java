package org.duban.app.audit.chain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Verifies the whole chain against the last anchored head once the application is ready (the start-up
 * verification), then every {@code duban.audit.verification.interval}, and anchors each intact head in
 * {@link ChainAnchorFile}. Raises the alarm when the chain is broken: an ERROR log line per broken verification,
 * the gauge {@code duban.audit.chain.broken} (1 while broken), and the health indicator {@code auditChain} (DOWN).
 * A whole-chain verification asked for through the API counts too. Nothing here stops the application: a broken
 * chain is an alarm, and supervision goes on.
 */
@Component
public class ChainMonitor implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ChainMonitor.class);

    private final ChainVerifier verifier;
    private final ChainAnchorFile anchors;
    private final AuditProperties.Verification settings;
    private final AtomicReference<ChainVerification> last = new AtomicReference<>();
    private final AtomicReference<ChainAnchor> anchor = new AtomicReference<>();
    private final AtomicReference<String> anchorFailure = new AtomicReference<>();
    private final Counter intact;
    private final Counter broken;
    private boolean running;
    private ScheduledExecutorService scheduler;

    ChainMonitor(ChainVerifier verifier, ChainAnchorFile anchors, AuditProperties properties, MeterRegistry meters) {
        this.verifier = verifier;
        this.anchors = anchors;
        this.settings = properties.verification();
        Gauge.builder("duban.audit.chain.broken", last, ref -> ref.get() != null && !ref.get().intact() ? 1 : 0)
                .description("1 when the last whole-chain verification found the audit chain broken").register(meters);
        Gauge.builder("duban.audit.chain.verified.position", last, ref -> ref.get() == null ? 0 : ref.get().to())
                .description("last position covered by the last whole-chain verification").register(meters);
        Gauge.builder("duban.audit.chain.anchored.position", anchor, ref -> ref.get() == null ? 0 : ref.get().position())
                .description("position of the last head anchored outside the database").register(meters);
        this.intact = Counter.builder("duban.audit.chain.verifications").tag("outcome", "intact")
                .description("whole-chain verifications").register(meters);
        this.broken = Counter.builder("duban.audit.chain.verifications").tag("outcome", "broken")
                .description("whole-chain verifications").register(meters);
    }

    /** Verifies the whole chain against the last anchor now, records the outcome and anchors an intact head. */
    public ChainVerification verifyNow() {
        ChainVerification result = verifier.verify(null, null, null, anchors.read());
        record(result);
        if (result.intact()) {
            anchor(result);
        }
        return result;
    }

    /** Takes note of a verification; only one of the whole chain says whether the chain is broken. */
    void record(ChainVerification result) {
        if (!result.complete() || result.expectedHead() != null) {
            return;
        }
        last.set(result);
        if (result.anchor() != null) {
            anchor.set(result.anchor());
        }
        if (result.intact()) {
            intact.increment();
            log.debug("audit chain verified: {} links, head {}", result.linksChecked(), result.to());
        } else {
            broken.increment();
            log.error("AUDIT CHAIN BROKEN: {} problem(s), the first: {}", result.problems().size(),
                    result.firstProblem().describe());
        }
        result.warnings().forEach(warning -> log.warn("audit chain: {}", warning));
    }

    private void anchor(ChainVerification result) {
        try {
            anchors.append(result.head(), result.verifiedAt()).ifPresent(anchor::set);
            anchorFailure.set(null);
        } catch (IOException | RuntimeException e) {
            String failure = "the verified head could not be anchored in " + anchors.file().orElse(null) + ": " + e;
            anchorFailure.set(failure);
            log.warn("audit chain: {}", failure);
        }
    }

    public Optional<ChainVerification> last() {
        return Optional.ofNullable(last.get());
    }

    /** The anchor this application checked or wrote last. */
    public Optional<ChainAnchor> lastAnchor() {
        return Optional.ofNullable(anchor.get());
    }

    /** Why the last intact head could not be written to the anchor file; empty when it was. */
    Optional<String> anchorFailure() {
        return Optional.ofNullable(anchorFailure.get());
    }

    Optional<Path> anchorFile() {
        return anchors.file();
    }

    private void scheduled() {
        try {
            verifyNow();
        } catch (RuntimeException e) {
            log.error("the scheduled audit chain verification could not run", e);
        }
    }

    /**
     * The first verification waits for the application to be ready: events stored before the chain existed are
     * linked at start-up ({@link EventChain#backfillIfPending()}), and must not look unchained to it.
     */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void ready() {
        Duration interval = settings.interval();
        if (!running || interval.isZero() || scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "audit-chain-verifier");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::scheduled, settings.initialDelay().toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void start() {
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
