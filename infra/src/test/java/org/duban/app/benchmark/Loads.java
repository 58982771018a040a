package org.duban.app.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The two ways a step is driven. Closed loop: n clients each sending the next request when the last one answered,
 * for a time. Open loop: requests offered at a fixed rate whatever the answers, each one's latency counted from the
 * moment it was due (so a stalled server shows as latency, not as fewer requests).
 */
final class Loads {
    private Loads() {
    }

    /** One unit of work; answers false when there is nothing left to do (the run ends early). */
    @FunctionalInterface
    interface Work {
        boolean run() throws Exception;
    }

    /** What a run achieved: completed operations per second over the measured time, and their latencies. */
    record Outcome(int completed, int failed, double seconds, Latencies latencies, boolean ranOut) {
        double rate() {
            return completed / seconds;
        }
    }

    static Outcome closed(int clients, Duration duration, Work work) throws Exception {
        Latencies latencies = new Latencies();
        AtomicBoolean ranOut = new AtomicBoolean();
        long begin = System.nanoTime();
        long end = begin + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end && !ranOut.get()) {
                    long start = System.nanoTime();
                    try {
                        if (!work.run()) {
                            ranOut.set(true);
                            return null;
                        }
                        latencies.record(System.nanoTime() - start);
                    } catch (Exception e) {
                        latencies.failed(e);
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        return new Outcome(latencies.count(), latencies.failures(), seconds, latencies, ranOut.get());
    }

    /** Offers {@code perSecond} requests each second for the duration, on up to {@code maxInFlight} threads. */
    static Outcome open(double perSecond, Duration duration, int maxInFlight, Work work) throws Exception {
        Latencies latencies = new Latencies();
        AtomicBoolean ranOut = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(maxInFlight);
        long intervalNanos = (long) (1e9 / perSecond);
        long total = (long) (perSecond * duration.toSeconds());
        long begin = System.nanoTime();
        List<Future<?>> sent = new ArrayList<>();
        for (long i = 0; i < total && !ranOut.get(); i++) {
            long due = begin + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            sent.add(pool.submit(() -> {
                try {
                    if (!work.run()) {
                        ranOut.set(true);
                        return null;
                    }
                    latencies.record(System.nanoTime() - due);
                } catch (Exception e) {
                    latencies.failed(e);
                }
                return null;
            }));
        }
        for (Future<?> request : sent) {
            request.get();
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        pool.shutdown();
        return new Outcome(latencies.count(), latencies.failures(), seconds, latencies, ranOut.get());
    }
}
