package org.duban.app.benchmark;

import org.duban.app.audit.chain.ChainHash;
import org.duban.app.audit.chain.ChainedEvent;
import org.duban.app.audit.chain.HashAlgorithm;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grows a Duban event store to a benchmark's size by copying the history of the plans it holds: every event of a
 * {@code Plan}, {@code Task} or {@code Indicator} aggregate (import, publication, acknowledgements, adjustments,
 * reports, ...) is appended again, copy after copy, until the store holds the events asked for. Each copy is a
 * whole new history: every UUID in the copied rows (aggregate identifier, event identifier, and every UUID inside the
 * JSON payload and metadata: plan, task, indicator, section, adjustment, report round ids, ...) is replaced by a fresh
 * one, the same fresh one wherever it appears in that copy, except the ids of things a plan only refers to and that are
 * not copied: units, calendar years, supervision cases, evaluation rounds (any aggregate of another type) and evidence
 * files. Sequence numbers are kept (each aggregate is new), global indexes continue after the highest one, and
 * {@code domain_event_entry_seq} is moved past them, so the application appends after the copies.
 *
 * <p>The hash chain is extended for the copies with the project's own hashing ({@link ChainHash}), in global order,
 * so {@code ChainVerifier} finds the bulk database intact.
 *
 * <p>What the copies are not: they were never commands. No Camunda process instance, user task or timer exists for
 * them (the copied tasks show in every view, but nobody can act on them: their steps are not in the engine), no
 * notification was queued for them, no evidence file was stored for them (their reports name the original's files),
 * no snapshot exists, and their timestamps are the originals'. They are meant for what reads the event store: a
 * rebuild of the projections, the views' queries, the chain's verification.
 *
 * <p>Run it while no application writes to the database (it takes the chain's head lock for its whole transaction,
 * so a committing application would wait, but the global indexes it takes are read once, at the start). On
 * PostgreSQL the rows are written with {@code COPY}, elsewhere (H2, for the tests) with batched inserts.
 */
public final class BulkEvents {
    /** The aggregates whose events make up a plan's history. */
    static final Set<String> PLAN_AGGREGATES = Set.of("Plan", "Task", "Indicator");
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Rows written per COPY or batch: bounds the memory a fill needs. */
    private static final int CHUNK = 20_000;
    private static final HexFormat HEX = HexFormat.of();

    private BulkEvents() {
    }

    /**
     * Appends whole copies of the plans' histories until the store holds at least {@code targetEvents} events (the
     * last copy is not cut short, so it may hold a little more), in one transaction.
     *
     * @return the number of events the store holds afterwards
     * @throws IllegalStateException when the store holds no plan history to copy, or the chain has not been started
     */
    public static long fill(DataSource db, long targetEvents) {
        try (Connection connection = db.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                long stored = fill(connection, targetEvents);
                connection.commit();
                return stored;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not fill the event store: " + e.getMessage(), e);
        }
    }

    private static long fill(Connection connection, long targetEvents) throws SQLException {
        Head head = lockChainHead(connection);
        long stored = single(connection, "select count(*) from domain_event_entry");
        long lastIndex = single(connection, "select coalesce(max(global_index), 0) from domain_event_entry");
        if (stored >= targetEvents) {
            return stored;
        }
        Set<String> kept = notCopied(connection);
        List<Template> history = history(connection, kept);
        if (history.isEmpty()) {
            throw new IllegalStateException("the event store holds no plan history to copy: import and publish a "
                    + "plan through the application first");
        }
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        Writer writer = postgres ? new CopyWriter(connection) : new BatchWriter(connection);
        List<ChainedEvent> chunk = new ArrayList<>(CHUNK);
        while (stored < targetEvents) {
            Map<String, String> fresh = new HashMap<>();
            for (Template event : history) {
                chunk.add(event.copy(++lastIndex, fresh));
                if (chunk.size() == CHUNK) {
                    head = writer.write(chunk, head);
                    chunk.clear();
                }
            }
            stored += history.size();
        }
        head = writer.write(chunk, head);
        try (PreparedStatement update = connection.prepareStatement("update audit_chain_head set position = ?, "
                + "global_index = ?, hash = ?, algorithm = ?, updated_at = current_timestamp where id = 1")) {
            update.setLong(1, head.position);
            update.setLong(2, lastIndex);
            update.setBytes(3, head.hash);
            update.setString(4, head.algorithm.label());
            update.executeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            // the application's next append must come after the copies
            statement.execute(postgres ? "select setval('domain_event_entry_seq', " + lastIndex + ")"
                    : "alter sequence domain_event_entry_seq restart with " + (lastIndex + 1));
        }
        return stored;
    }

    /** Ids a plan's events refer to but that no copy gets anew: other aggregates' and evidence files'. */
    private static Set<String> notCopied(Connection connection) throws SQLException {
        Set<String> kept = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select distinct aggregate_identifier, type from domain_event_entry")) {
            while (rows.next()) {
                if (!PLAN_AGGREGATES.contains(rows.getString(2))) {
                    kept.add(rows.getString(1).toLowerCase());
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select evidence_id from evidence")) {
            while (rows.next()) {
                kept.add(rows.getString(1).toLowerCase());
            }
        }
        return kept;
    }

    private static List<Template> history(Connection connection, Set<String> kept) throws SQLException {
        List<Template> history = new ArrayList<>();
        String marks = String.join(",", PLAN_AGGREGATES.stream().map(type -> "'" + type + "'").toList());
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select aggregate_identifier, sequence_number, type, "
                     + "event_identifier, payload_type, payload_revision, time_stamp, payload, meta_data "
                     + "from domain_event_entry where type in (" + marks + ") order by global_index")) {
            while (rows.next()) {
                byte[] metaData = rows.getBytes(9);
                history.add(new Template(Text.of(rows.getString(1), kept), rows.getLong(2), rows.getString(3),
                        Text.of(rows.getString(4), kept), rows.getString(5), rows.getString(6), rows.getString(7),
                        Text.of(new String(rows.getBytes(8), StandardCharsets.UTF_8), kept),
                        metaData == null ? null : Text.of(new String(metaData, StandardCharsets.UTF_8), kept)));
            }
        }
        return history;
    }

    private static Head lockChainHead(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select position, hash, algorithm, backfill_to "
                     + "from audit_chain_head where id = 1 for update")) {
            if (!row.next()) {
                throw new IllegalStateException("audit_chain_head has no row: is this a Duban database?");
            }
            if (row.getObject(4) != null || row.getString(3) == null) {
                throw new IllegalStateException("the audit chain has not linked the stored events yet: start the "
                        + "application once on this database before filling it");
            }
            return new Head(row.getLong(1), row.getBytes(2), HashAlgorithm.ofLabel(row.getString(3)));
        }
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String freshId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // a version 4 UUID, like the application's, without SecureRandom's cost per id
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    /** The end of the chain as the copies extend it. */
    private record Head(long position, byte[] hash, HashAlgorithm algorithm) {
    }

    /** A text cut at its UUIDs: literal parts between ids that a copy replaces (ids in {@code kept} stay literal). */
    private record Text(String[] parts, String[] ids) {
        static Text of(String text, Set<String> kept) {
            List<String> parts = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            Matcher uuid = UUID_TEXT.matcher(text);
            StringBuilder literal = new StringBuilder();
            int from = 0;
            while (uuid.find()) {
                String id = uuid.group().toLowerCase();
                literal.append(text, from, uuid.start());
                if (kept.contains(id)) {
                    literal.append(uuid.group());
                } else {
                    parts.add(literal.toString());
                    literal.setLength(0);
                    ids.add(id);
                }
                from = uuid.end();
            }
            literal.append(text, from, text.length());
            parts.add(literal.toString());
            return new Text(parts.toArray(String[]::new), ids.toArray(String[]::new));
        }

        String copy(Map<String, String> fresh) {
            StringBuilder text = new StringBuilder(parts[0]);
            for (int i = 0; i < ids.length; i++) {
                text.append(fresh.computeIfAbsent(ids[i], id -> freshId())).append(parts[i + 1]);
            }
            return text.toString();
        }
    }

    /** One event of the history, ready to be copied. */
    private record Template(Text aggregate, long sequenceNumber, String type, Text eventIdentifier, String payloadType,
                            String payloadRevision, String timeStamp, Text payload, Text metaData) {
        ChainedEvent copy(long globalIndex, Map<String, String> fresh) {
            return new ChainedEvent(globalIndex, eventIdentifier.copy(fresh), aggregate.copy(fresh), sequenceNumber,
                    type, payloadType, payloadRevision, timeStamp, payload.copy(fresh).getBytes(StandardCharsets.UTF_8),
                    metaData == null ? null : metaData.copy(fresh).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Stores events and their chain links; answers the chain's new end. */
    private interface Writer {
        Head write(List<ChainedEvent> events, Head head) throws SQLException;

        static Object[] link(ChainedEvent event, Head head, long position, byte[] hash) {
            return new Object[]{position, event.globalIndex(), event.eventIdentifier(), head.algorithm.label(),
                    head.position == 0 ? ChainHash.genesis(head.algorithm) : head.hash, hash};
        }

        static Head extend(List<ChainedEvent> events, Head head, List<Object[]> links) {
            for (ChainedEvent event : events) {
                long position = head.position + 1;
                byte[] previous = head.position == 0 ? ChainHash.genesis(head.algorithm) : head.hash;
                byte[] hash = ChainHash.of(head.algorithm, previous, position, event);
                links.add(link(event, head, position, hash));
                head = new Head(position, hash, head.algorithm);
            }
            return head;
        }
    }

    /** PostgreSQL: {@code COPY ... FROM STDIN} in CSV, bytea as hex. */
    private static final class CopyWriter implements Writer {
        private final CopyManager copy;

        CopyWriter(Connection connection) throws SQLException {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        }

        @Override
        public Head write(List<ChainedEvent> events, Head head) throws SQLException {
            if (events.isEmpty()) {
                return head;
            }
            StringBuilder rows = new StringBuilder(events.size() * 1024);
            for (ChainedEvent event : events) {
                rows.append(event.globalIndex()).append(',');
                text(rows, event.aggregateIdentifier()).append(',').append(event.sequenceNumber()).append(',');
                text(rows, event.type()).append(',');
                text(rows, event.eventIdentifier()).append(',');
                text(rows, event.payloadType()).append(',');
                text(rows, event.payloadRevision()).append(',');
                text(rows, event.timeStamp()).append(',');
                bytes(rows, event.payload()).append(',');
                bytes(rows, event.metaData()).append('\n');
            }
            copy("copy domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                    + "event_identifier, payload_type, payload_revision, time_stamp, payload, meta_data) "
                    + "from stdin with (format csv)", rows);
            List<Object[]> links = new ArrayList<>(events.size());
            head = Writer.extend(events, head, links);
            rows.setLength(0);
            for (Object[] link : links) {
                rows.append(link[0]).append(',').append(link[1]).append(',');
                text(rows, (String) link[2]).append(',');
                text(rows, (String) link[3]).append(',');
                bytes(rows, (byte[]) link[4]).append(',');
                bytes(rows, (byte[]) link[5]).append('\n');
            }
            copy("copy audit_chain_link (position, global_index, event_identifier, algorithm, prev_hash, hash) "
                    + "from stdin with (format csv)", rows);
            return head;
        }

        private void copy(String sql, StringBuilder rows) throws SQLException {
            try {
                copy.copyIn(sql, new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A quoted CSV field; null is the unquoted empty field. */
        private static StringBuilder text(StringBuilder rows, String value) {
            if (value == null) {
                return rows;
            }
            return rows.append('"').append(value.replace("\"", "\"\"")).append('"');
        }

        private static StringBuilder bytes(StringBuilder rows, byte[] value) {
            return value == null ? rows : rows.append("\\x").append(HEX.formatHex(value));
        }
    }

    /** Any other database: batched inserts. */
    private static final class BatchWriter implements Writer {
        private final Connection connection;

        BatchWriter(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Head write(List<ChainedEvent> events, Head head) throws SQLException {
            if (events.isEmpty()) {
                return head;
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into domain_event_entry (global_index, "
                    + "aggregate_identifier, sequence_number, type, event_identifier, payload_type, payload_revision, "
                    + "time_stamp, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ChainedEvent event : events) {
                    insert.setLong(1, event.globalIndex());
                    insert.setString(2, event.aggregateIdentifier());
                    insert.setLong(3, event.sequenceNumber());
                    insert.setString(4, event.type());
                    insert.setString(5, event.eventIdentifier());
                    insert.setString(6, event.payloadType());
                    insert.setString(7, event.payloadRevision());
                    insert.setString(8, event.timeStamp());
                    insert.setBytes(9, event.payload());
                    if (event.metaData() == null) {
                        insert.setNull(10, Types.VARBINARY);
                    } else {
                        insert.setBytes(10, event.metaData());
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            List<Object[]> links = new ArrayList<>(events.size());
            head = Writer.extend(events, head, links);
            try (PreparedStatement insert = connection.prepareStatement("insert into audit_chain_link (position, "
                    + "global_index, event_identifier, algorithm, prev_hash, hash) values (?, ?, ?, ?, ?, ?)")) {
                for (Object[] link : links) {
                    for (int i = 0; i < link.length; i++) {
                        insert.setObject(i + 1, link[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return head;
        }
    }
}
