package org.duban.app.benchmark;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * The larger sizes of the read and rebuild scenarios: the province's plan histories copied in the event store in bulk
 * ({@link BulkEvents}), then every projection rebuilt over the whole store through the administrators' API, timed
 * beside a plain JDBC scan of the same events ({@link RebuildFigures}). The copies have views after the rebuild but
 * no workflow steps: the inbox stays the size the API made it, the event store and the views grow.
 */
final class EventStoreGrowth {
    private EventStoreGrowth() {
    }

    static void grow(BenchDatabase db, String appDb, long size, String baseUrl, Settings settings, Results results) {
        PGSimpleDataSource store = new PGSimpleDataSource();
        store.setURL(appDb);
        store.setUser(db.user);
        store.setPassword(db.password);
        long begin = System.nanoTime();
        long stored = BulkEvents.fill(store, size);
        results.context(String.format("event store grown in bulk to %,d events in %.0f s (copies of the plans' "
                + "histories with fresh ids, the hash chain extended over them)", stored, (System.nanoTime() - begin) / 1e9));
        if (!settings.runs("rebuild")) {
            return;
        }
        RebuildFigures.Figures figures = RebuildFigures.measure(store, RebuildFigures.overHttp(baseUrl, "admin", "duban"));
        results.add("rebuild of every projection (one transaction, through the API)",
                String.format("events per second over %,d events", figures.events()), figures.rebuildPerSecond(),
                "events/s", "plain JDBC scan of domain_event_entry (every column)", figures.scanPerSecond(),
                String.format("rebuild %.1f s, scan %.1f s", figures.rebuildSeconds(), figures.scanSeconds()));
    }
}
