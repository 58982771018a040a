package org.duban.app.nodes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Start-up work that the application does not need to serve requests correctly (the catch-up of the morning jobs,
 * a warm scratch database): handed over while the application becomes ready, it runs on one background thread, in
 * the order it was handed over, so readiness does not wait for it. A failure is logged, as the scheduled run of the
 * same work would be; the next morning's run or the next start does it again.
 */
@Component
public class AfterReadiness implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AfterReadiness.class);

    private volatile boolean running;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "after-readiness");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs {@code work} in the background, after the work handed over before it. */
    public void run(String name, Runnable work) {
        try {
            worker.execute(() -> {
                long start = System.nanoTime();
                try {
                    work.run();
                    log.info("{} done after readiness in {} ms", name, (System.nanoTime() - start) / 1_000_000);
                } catch (RuntimeException e) {
                    log.error("{} could not run after readiness", name, e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            log.info("{} not run: the application is stopping", name);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Stopping, before the data source closes: work not started is dropped and work under way is interrupted; all of
     * it is safe to do again.
     */
    @Override
    public void stop() {
        running = false;
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
