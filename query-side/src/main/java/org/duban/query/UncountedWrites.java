package org.duban.query;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Writes whose counts a projection never reads, which a template that holds writes (a rebuild's replay) may send
 * later, with the inserts it holds, instead of one round trip per event. Only a write that is right whenever it runs
 * after every insert held before it may go this way: an update of rows the projection has already inserted or read.
 */
public final class UncountedWrites {
    private UncountedWrites() {
    }

    /** A template that may hold writes on the current thread. */
    public interface Holding {
        /** Holds the rows' writes and answers true, or answers false when nothing is held on this thread. */
        boolean holdUncounted(String sql, List<Object[]> rows);
    }

    /** Writes the rows through the template: now, or later when the template holds writes. */
    public static void send(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty() || jdbc instanceof Holding holding && holding.holdUncounted(sql, rows)) {
            return;
        }
        jdbc.batchUpdate(sql, rows);
    }
}
