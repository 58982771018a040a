package org.duban.query;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a projection remembers of its own rows between the events of one transaction, so that it need not read back
 * what it has just written: a rebuild replays every event in one transaction, and a projection that reads its state
 * per event makes a round trip per event (and makes the rebuild send its held inserts one by one). Bound to the
 * current transaction, at most {@code capacity} entries (the least recently used go first), and forgotten when the
 * transaction ends, however it ends. Whoever rolls a transaction back to a savepoint must call {@link #forgetAll()},
 * since what was remembered after the savepoint is no longer in the database. Outside a transaction with
 * synchronization nothing is remembered.
 *
 * @param <K> what an entry is about
 * @param <V> what the projection keeps of it; a projection changes a remembered value only as it changes its rows
 */
public final class TransactionMemory<K, V> {
    /** The memories of the current transaction, bound under this key. */
    private static final Object BOUND = new Object();

    private final int capacity;

    public TransactionMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a transaction memory holds at least one entry");
        }
        this.capacity = capacity;
    }

    /** The remembered value, or null when there is none. */
    public V get(K key) {
        Map<K, V> entries = entries(false);
        return entries == null ? null : entries.get(key);
    }

    /** Remembers a value as the projection has just read or written it. */
    public void put(K key, V value) {
        Map<K, V> entries = entries(true);
        if (entries != null) {
            entries.put(key, value);
        }
    }

    /** Forgets what this memory holds in the current transaction (its projection's tables were emptied). */
    public void forget() {
        Map<K, V> entries = entries(false);
        if (entries != null) {
            entries.clear();
        }
    }

    /** Forgets every memory of the current transaction: it was rolled back to a savepoint. */
    public static void forgetAll() {
        Bound bound = bound(false);
        if (bound != null) {
            bound.memories.clear();
        }
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> entries(boolean create) {
        Bound bound = bound(create);
        if (bound == null) {
            return null;
        }
        return (Map<K, V>) (create ? bound.memories.computeIfAbsent(this, memory -> new LinkedHashMap<K, V>(256, 0.75f,
                true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        }) : bound.memories.get(this));
    }

    /**
     * The current transaction's memories. A resource stays bound while an inner transaction (requires new) runs, so
     * the memories are the current transaction's only while their synchronization is among its own; an inner
     * transaction remembers nothing.
     */
    private static Bound bound(boolean create) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Bound bound = (Bound) TransactionSynchronizationManager.getResource(BOUND);
        if (bound == null) {
            if (!create) {
                return null;
            }
            bound = new Bound();
            TransactionSynchronizationManager.bindResource(BOUND, bound);
            TransactionSynchronizationManager.registerSynchronization(bound);
            return bound;
        }
        return TransactionSynchronizationManager.getSynchronizations().contains(bound) ? bound : null;
    }

    private static final class Bound implements TransactionSynchronization {
        final Map<TransactionMemory<?, ?>, Map<?, ?>> memories = new HashMap<>();

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(BOUND);
        }
    }
}
