package org.duban.app.nodes;

/**
 * The PostgreSQL advisory locks Duban takes, as (class, object) pairs of 32-bit keys: the class is Duban's, so they
 * cannot meet another application's locks on a shared server.
 */
public final class AdvisoryLocks {
    /** "DUBA" */
    public static final int NAMESPACE = 0x44554241;
    /** Held shared by every transaction that appends events, exclusively by a rebuild's critical steps. */
    public static final int REBUILD_GATE = 1;

    private AdvisoryLocks() {
    }

    /** The object key of a scheduled job's lock, distinct from the fixed keys above. */
    static int ofJob(String job) {
        int hash = job.hashCode();
        return hash == REBUILD_GATE ? hash + 1 : hash;
    }
}
