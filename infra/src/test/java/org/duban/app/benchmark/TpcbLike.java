package org.duban.app.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database's own ceiling: pgbench's TPC-B-like transaction (three updates, a select and an insert, one commit)
 * over plain JDBC, on a database of its own on the same server, with pgbench's table sizes per scale unit.
 */
final class TpcbLike {
    private final BenchDatabase server;
    private final int scale;
    private String url;

    TpcbLike(BenchDatabase server, int scale) {
        this.server = server;
        this.scale = scale;
    }

    void load() throws SQLException {
        url = server.create("bench_tpcb");
        try (Connection c = server.connect(url); Statement s = c.createStatement()) {
            s.execute("create table branches (bid int primary key, bbalance int, filler char(88)) with (fillfactor=100)");
            s.execute("create table tellers (tid int primary key, bid int, tbalance int, filler char(84)) with (fillfactor=100)");
            s.execute("create table accounts (aid int primary key, bid int, abalance int, filler char(84)) with (fillfactor=100)");
            s.execute("create table history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))");
            s.execute("insert into branches select b, 0, '' from generate_series(1, " + scale + ") b");
            s.execute("insert into tellers select t, (t - 1) / 10 + 1, 0, '' from generate_series(1, " + 10 * scale + ") t");
            s.execute("insert into accounts select a, (a - 1) / 100000 + 1, 0, '' from generate_series(1, "
                    + 100_000 * scale + ") a");
            s.execute("vacuum analyze");
        }
    }

    /** Transactions per second at {@code clients} connections for the duration, closed loop. */
    Loads.Outcome run(int clients, Duration duration) throws Exception {
        ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
            try {
                Connection c = server.connect(url);
                c.setAutoCommit(false);
                return c;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return Loads.closed(clients, duration, () -> {
            transaction(connections.get());
            return true;
        });
    }

    private void transaction(Connection c) throws SQLException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int aid = random.nextInt(100_000 * scale) + 1;
        int tid = random.nextInt(10 * scale) + 1;
        int bid = random.nextInt(scale) + 1;
        int delta = random.nextInt(-5000, 5001);
        try (PreparedStatement account = c.prepareStatement("update accounts set abalance = abalance + ? where aid = ?");
             PreparedStatement balance = c.prepareStatement("select abalance from accounts where aid = ?");
             PreparedStatement teller = c.prepareStatement("update tellers set tbalance = tbalance + ? where tid = ?");
             PreparedStatement branch = c.prepareStatement("update branches set bbalance = bbalance + ? where bid = ?");
             PreparedStatement history = c.prepareStatement(
                     "insert into history (tid, bid, aid, delta, mtime) values (?, ?, ?, ?, current_timestamp)")) {
            account.setInt(1, delta);
            account.setInt(2, aid);
            account.executeUpdate();
            balance.setInt(1, aid);
            try (ResultSet r = balance.executeQuery()) {
                r.next();
            }
            teller.setInt(1, delta);
            teller.setInt(2, tid);
            teller.executeUpdate();
            branch.setInt(1, delta);
            branch.setInt(2, bid);
            branch.executeUpdate();
            history.setInt(1, tid);
            history.setInt(2, bid);
            history.setInt(3, aid);
            history.setInt(4, delta);
            history.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            c.rollback(); // a deadlock between two clients' updates, as pgbench would count it: a failed transaction
            throw e;
        }
    }
}
