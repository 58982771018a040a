package org.duban.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Databases apart from the live one, with the projection tables and nothing in them, for views that are computed and
 * thrown away (time travel). A database serves one caller at a time, in a transaction that is always rolled back, so
 * concurrent callers never see each other's rows and nothing is left behind. Databases are made on demand, at most
 * {@code max}, and kept for the next caller; a caller beyond that waits for one to be free.
 */
public final class ScratchDatabases implements AutoCloseable {
    private final Supplier<DataSource> create;
    private final Semaphore free;
    private final Queue<DataSource> idle = new ConcurrentLinkedQueue<>();
    private final List<DataSource> made = new ArrayList<>();

    /** @param create makes a new, empty database with the projection tables */
    public ScratchDatabases(Supplier<DataSource> create, int max) {
        this.create = create;
        this.free = new Semaphore(max, true);
    }

    /**
     * Makes the first database ahead of the first caller, so that it does not wait for it; nothing when a caller made
     * one already. Safe beside callers: it takes a place like one.
     */
    public void prepare() {
        if (!free.tryAcquire()) {
            return;
        }
        try {
            synchronized (made) {
                if (!made.isEmpty()) {
                    return;
                }
            }
            idle.offer(make());
        } finally {
            free.release();
        }
    }

    /** Runs {@code work} on a database of its own, then rolls back whatever it wrote. */
    public <T> T use(Function<JdbcTemplate, T> work) {
        try {
            free.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a scratch database", e);
        }
        try {
            DataSource database = idle.poll();
            if (database == null) {
                database = make();
            }
            try {
                JdbcTemplate jdbc = new JdbcTemplate(database);
                return new TransactionTemplate(new DataSourceTransactionManager(database)).execute(transaction -> {
                    transaction.setRollbackOnly();
                    return work.apply(jdbc);
                });
            } finally {
                idle.offer(database);
            }
        } finally {
            free.release();
        }
    }

    private DataSource make() {
        DataSource database = create.get();
        synchronized (made) {
            made.add(database);
        }
        return database;
    }

    @Override
    public void close() throws Exception {
        synchronized (made) {
            for (DataSource database : made) {
                if (database instanceof AutoCloseable closeable) {
                    closeable.close();
                }
            }
            made.clear();
        }
    }
}
