package org.duban.app.benchmark;

import java.util.Arrays;

/** Response times of one measured step, in nanoseconds; thread-safe, grows as needed. */
final class Latencies {
    private long[] values = new long[1024];
    private int count;
    private int failures;
    private final java.util.List<String> firstFailures = new java.util.ArrayList<>();

    synchronized void record(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    synchronized void failed(Exception why) {
        failures++;
        if (firstFailures.size() < 3) {
            Throwable root = why;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = why.getMessage() + (root == why ? "" : " (" + root + ")");
            firstFailures.add(message);
            System.out.println("[bench] failed: " + message);
        }
    }

    /** The first few failures' messages, for the run's log and the error it raises. */
    synchronized java.util.List<String> firstFailures() {
        return java.util.List.copyOf(firstFailures);
    }

    synchronized int count() {
        return count;
    }

    synchronized int failures() {
        return failures;
    }

    /** The q-quantile (0 < q <= 1) in milliseconds, nearest rank; NaN when nothing was recorded. */
    synchronized double millis(double q) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)] / 1e6;
    }

    String summary() {
        return String.format(java.util.Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", millis(0.50), millis(0.95),
                millis(0.99));
    }
}
