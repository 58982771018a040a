package org.duban.app.rebuild;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The stored events up to a global index, in global order, read ahead on a thread and a connection of their own:
 * pages of {@code domain_event_entry} read with plain JDBC (one query per page, no per-event round trip), upcast and
 * deserialized there as Axon's storage engine does ({@link EventUtils#upcastAndDeserializeTrackedEvents}), and
 * handed over through a short queue, so that reading and deserializing overlap with applying. Every event it reads
 * was committed before the run's head was read (no append was in flight then), so another transaction sees them.
 */
final class StoredEvents implements AutoCloseable {
    static final int PAGE = 2_000;
    /** Pages read ahead: bounds the memory, keeps the reader busy while the projections work. */
    private static final int AHEAD = 4;

    private final BlockingQueue<Object> pages = new ArrayBlockingQueue<>(AHEAD);
    private final Thread reader;
    private boolean ended;

    private record End() {
    }

    private record Failed(Throwable cause) {
    }

    StoredEvents(DataSource db, Serializer serializer, EventUpcaster upcasters, long head) {
        reader = new Thread(() -> read(db, serializer, upcasters, head), "projection-rebuild-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next page of events, or an empty list after the last one; throws what the reader failed on. */
    @SuppressWarnings("unchecked")
    List<TrackedEventMessage<?>> next() {
        if (ended) {
            return List.of();
        }
        Object page;
        try {
            page = pages.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the stored events", e);
        }
        if (page instanceof End) {
            ended = true;
            return List.of();
        }
        if (page instanceof Failed failed) {
            ended = true;
            throw new IllegalStateException("could not read the stored events: " + failed.cause().getMessage(),
                    failed.cause());
        }
        return (List<TrackedEventMessage<?>>) page;
    }

    private void read(DataSource db, Serializer serializer, EventUpcaster upcasters, long head) {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement("select global_index, type, aggregate_identifier, "
                     + "sequence_number, event_identifier, time_stamp, payload_type, payload_revision, payload, "
                     + "meta_data from domain_event_entry where global_index > ? and global_index <= ? "
                     + "order by global_index fetch first " + PAGE + " rows only")) {
            connection.setReadOnly(true);
            long after = Long.MIN_VALUE;
            while (true) {
                List<TrackedEventData<?>> rows = new ArrayList<>(PAGE);
                select.setLong(1, after);
                select.setLong(2, head);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        after = row.getLong(1);
                        DomainEventData<byte[]> data = new GenericDomainEventEntry<>(row.getString(2), row.getString(3),
                                row.getLong(4), row.getString(5), row.getString(6), row.getString(7),
                                row.getString(8), row.getBytes(9), row.getBytes(10));
                        rows.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(after), data));
                    }
                }
                if (rows.isEmpty()) {
                    break;
                }
                List<TrackedEventMessage<?>> page = new ArrayList<>(rows.size());
                EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters).forEach(event -> {
                    // deserialize here, on the reader's thread, not when a projection first asks
                    event.getPayload();
                    event.getMetaData();
                    page.add(event);
                });
                pages.put(page);
            }
            pages.put(new End());
        } catch (InterruptedException e) {
            // closed: the run has ended
        } catch (SQLException | RuntimeException | Error e) {
            try {
                pages.clear();
                pages.put(new Failed(e));
            } catch (InterruptedException ignored) {
                // closed meanwhile
            }
        }
    }

    /** Stops reading ahead, when the run ends before the last page. */
    @Override
    public void close() {
        reader.interrupt();
        pages.clear();
    }
}
