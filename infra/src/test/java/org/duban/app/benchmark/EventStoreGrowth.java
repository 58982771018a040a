package org.duban.app.benchmark;

/** Grows the application's event store to a size in bulk and rebuilds the views over it, measuring the rebuild. */
final class EventStoreGrowth {
    private EventStoreGrowth() {
    }

    static void grow(BenchDatabase db, String appDb, long size, String baseUrl, Settings settings, Results results)
            throws Exception {
        results.context("growing the event store to " + size + " events: not available yet");
    }
}
