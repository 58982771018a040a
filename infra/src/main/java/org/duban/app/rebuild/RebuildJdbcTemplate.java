package org.duban.app.rebuild;

import org.duban.query.UncountedWrites;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.CallableStatementCallback;
import org.springframework.jdbc.core.CallableStatementCreator;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.jdbc.support.KeyHolder;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The application's {@link JdbcTemplate}. On the thread of a rebuild's replay, between {@link #holdInserts()} and
 * {@link #stopHolding()}, a plain {@code insert} through {@link #update(String, Object...)} or
 * {@link #batchUpdate(String, List)} is held back instead of sent, and so are the writes a projection sends as
 * {@link UncountedWrites}. What is held goes out before any other statement runs on this template, and at the end of
 * each batch of the replay: the inserts first, one JDBC batch per statement in the order each statement was first
 * held, then the uncounted writes the same way. So a projection reads what it wrote, and a replay makes a few round
 * trips per batch of events instead of several per event.
 * <p>
 * Inserts may go out of their order across statements: projections' tables have no foreign keys, and inserts into
 * one table by one statement keep their order. Only inserts and uncounted writes are held: an insert's count is 1 or
 * it throws, so answering 1 at once tells a handler nothing false (an {@code update} or {@code delete} may be counted
 * by its caller, and runs at once; so does an insert with {@code on conflict} or {@code returning}). A held write the
 * database refuses fails later than its event, in whatever statement or flush sent it; the replay then redoes its
 * batch event by event without holding, which names the event ({@link ProjectionRebuild}). Other threads, and the
 * live handling of events, never hold anything.
 */
public class RebuildJdbcTemplate extends JdbcTemplate implements UncountedWrites.Holding {
    private final ThreadLocal<Held> held = new ThreadLocal<>();

    public RebuildJdbcTemplate(DataSource dataSource) {
        super(dataSource);
    }

    /** The held rows of each statement, the statements in the order they were first held. */
    private record Held(Map<String, List<Object[]>> inserts, Map<String, List<Object[]>> uncounted) {
        Held() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>());
        }

        boolean isEmpty() {
            return inserts.isEmpty() && uncounted.isEmpty();
        }
    }

    /** From now on, on this thread, plain inserts and uncounted writes are held until a statement needs them sent. */
    void holdInserts() {
        held.set(new Held());
    }

    /** Drops what is held (the replay rolled back to a savepoint) and holds nothing more on this thread. */
    void stopHolding() {
        held.remove();
    }

    @Override
    public int update(String sql, Object... args) throws DataAccessException {
        Held holding = held.get();
        if (holding != null && args != null && holdable(sql)) {
            holding.inserts().computeIfAbsent(sql, statement -> new ArrayList<>()).add(args.clone());
            return 1;
        }
        return super.update(sql, args);
    }

    /** A batch of plain inserts is held row by row, as if each had come through {@link #update(String, Object...)}. */
    @Override
    public int[] batchUpdate(String sql, List<Object[]> batchArgs) throws DataAccessException {
        Held holding = held.get();
        if (holding != null && holdable(sql)) {
            List<Object[]> rows = holding.inserts().computeIfAbsent(sql, statement -> new ArrayList<>());
            batchArgs.forEach(args -> rows.add(args.clone()));
            int[] counts = new int[batchArgs.size()];
            Arrays.fill(counts, 1);
            return counts;
        }
        return super.batchUpdate(sql, batchArgs);
    }

    @Override
    public boolean holdUncounted(String sql, List<Object[]> rows) {
        Held holding = held.get();
        if (holding == null) {
            return false;
        }
        List<Object[]> heldRows = holding.uncounted().computeIfAbsent(sql, statement -> new ArrayList<>());
        rows.forEach(args -> heldRows.add(args.clone()));
        return true;
    }

    /** Sends what is held: the inserts, then the uncounted writes, one JDBC batch per statement. */
    void sendHeld() {
        Held holding = held.get();
        if (holding == null || holding.isEmpty()) {
            return;
        }
        held.set(new Held()); // the batches below go out through execute, which must not send them again
        holding.inserts().forEach(super::batchUpdate);
        holding.uncounted().forEach(super::batchUpdate);
    }

    private static boolean holdable(String sql) {
        String statement = sql.stripLeading().toLowerCase(Locale.ROOT);
        return statement.startsWith("insert ") && !statement.contains(" on conflict") && !statement.contains(" returning");
    }

    // Every other statement goes through one of these (JdbcTemplate's public and protected ways in to its private
    // execute methods, as of Spring 6.2): what is held goes out first.

    @Override
    public <T> T execute(ConnectionCallback<T> action) throws DataAccessException {
        sendHeld();
        return super.execute(action);
    }

    @Override
    public <T> T execute(StatementCallback<T> action) throws DataAccessException {
        sendHeld();
        return super.execute(action);
    }

    @Override
    public void execute(String sql) throws DataAccessException {
        sendHeld();
        super.execute(sql);
    }

    @Override
    public <T> T execute(PreparedStatementCreator creator, PreparedStatementCallback<T> action) throws DataAccessException {
        sendHeld();
        return super.execute(creator, action);
    }

    @Override
    public <T> T execute(String sql, PreparedStatementCallback<T> action) throws DataAccessException {
        sendHeld();
        return super.execute(sql, action);
    }

    @Override
    public <T> T execute(CallableStatementCreator creator, CallableStatementCallback<T> action) throws DataAccessException {
        sendHeld();
        return super.execute(creator, action);
    }

    @Override
    public <T> T query(String sql, ResultSetExtractor<T> extractor) throws DataAccessException {
        sendHeld();
        return super.query(sql, extractor);
    }

    @Override
    public <T> T query(PreparedStatementCreator creator, PreparedStatementSetter setter, ResultSetExtractor<T> extractor)
            throws DataAccessException {
        sendHeld();
        return super.query(creator, setter, extractor);
    }

    @Override
    public <T> Stream<T> queryForStream(String sql, RowMapper<T> rowMapper) throws DataAccessException {
        sendHeld();
        return super.queryForStream(sql, rowMapper);
    }

    @Override
    public <T> Stream<T> queryForStream(PreparedStatementCreator creator, PreparedStatementSetter setter,
                                        RowMapper<T> rowMapper) throws DataAccessException {
        sendHeld();
        return super.queryForStream(creator, setter, rowMapper);
    }

    @Override
    public int update(String sql) throws DataAccessException {
        sendHeld();
        return super.update(sql);
    }

    @Override
    protected int update(PreparedStatementCreator creator, PreparedStatementSetter setter) throws DataAccessException {
        sendHeld();
        return super.update(creator, setter);
    }

    @Override
    public int update(PreparedStatementCreator creator, KeyHolder keys) throws DataAccessException {
        sendHeld();
        return super.update(creator, keys);
    }

    @Override
    public int[] batchUpdate(String... sql) throws DataAccessException {
        sendHeld();
        return super.batchUpdate(sql);
    }
}
