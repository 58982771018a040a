package org.duban.app.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Verifies the whole chain every {@code duban.audit.verification.interval} and raises the alarm when it is
 * broken: an ERROR log line per broken verification, the gauge {@code duban.audit.chain.broken} (1 while broken),
 * and the health indicator {@code auditChain} (DOWN). A whole-chain verification asked for through the API
 * counts too.
 */
@Component
public class ChainMonitor implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ChainMonitor.class);

    private final ChainVerifier verifier;
    private final AuditProperties.Verification settings;
    private final AtomicReference<ChainVerification> last = new AtomicReference<>();
    private final Counter intact;
    private final Counter broken;
    private ScheduledExecutorService scheduler;

    ChainMonitor(ChainVerifier verifier, AuditProperties properties, MeterRegistry meters) {
        this.verifier = verifier;
        this.settings = properties.verification();
        Gauge.builder("duban.audit.chain.broken", last, ref -> ref.get() != null && !ref.get().intact() ? 1 : 0)
                .description("1 when the last whole-chain verification found the audit chain broken").register(meters);
        Gauge.builder("duban.audit.chain.verified.position", last, ref -> ref.get() == null ? 0 : ref.get().to())
                .description("last position covered by the last whole-chain verification").register(meters);
        this.intact = Counter.builder("duban.audit.chain.verifications").tag("outcome", "intact")
                .description("whole-chain verifications").register(meters);
        this.broken = Counter.builder("duban.audit.chain.verifications").tag("outcome", "broken")
                .description("whole-chain verifications").register(meters);
    }

    /** Verifies the whole chain now and records the outcome. */
    public ChainVerification verifyNow() {
        ChainVerification result = verifier.verify();
        record(result);
        return result;
    }

    /** Takes note of a verification; only one of the whole chain says whether the chain is broken. */
    void record(ChainVerification result) {
        if (!result.complete() || result.expectedHead() != null) {
            return;
        }
        last.set(result);
        if (result.intact()) {
            intact.increment();
            log.debug("audit chain verified: {} links, head {}", result.linksChecked(), result.to());
        } else {
            broken.increment();
            log.error("AUDIT CHAIN BROKEN: {} problem(s), the first: {}", result.problems().size(),
                    result.firstProblem().describe());
        }
    }

    public Optional<ChainVerification> last() {
        return Optional.ofNullable(last.get());
    }

    private void scheduled() {
        try {
            verifyNow();
        } catch (RuntimeException e) {
            log.error("the scheduled audit chain verification could not run", e);
        }
    }

    @Override
    public synchronized void start() {
        Duration interval = settings.interval();
        if (interval.isZero() || scheduler != null) {
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
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
