package org.duban.app.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of Axon's {@code domain_event_entry} exactly as stored: the hash covers these bytes, not a
 * re-serialisation, so what is verified is what a reader of the table gets.
 */
public record ChainedEvent(long globalIndex, String eventIdentifier, String aggregateIdentifier, long sequenceNumber,
                    String type, String payloadType, String payloadRevision, String timeStamp, byte[] payload,
                    byte[] metaData) {

    /** The columns in the order {@link #read} expects, for a table aliased {@code e}. */
    static final String COLUMNS = "e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number, "
            + "e.type, e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";

    static ChainedEvent read(ResultSet row, int first) throws SQLException {
        return new ChainedEvent(row.getLong(first), row.getString(first + 1), row.getString(first + 2),
                row.getLong(first + 3), row.getString(first + 4), row.getString(first + 5), row.getString(first + 6),
                row.getString(first + 7), row.getBytes(first + 8), row.getBytes(first + 9));
    }
}
