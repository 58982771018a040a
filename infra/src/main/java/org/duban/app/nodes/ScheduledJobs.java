package org.duban.app.nodes;

import org.duban.app.persistence.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Supplier;

/**
 * Runs a scheduled job's work on one node at a time, and once per due moment, however many nodes share the database.
 * <p>
 * On PostgreSQL a guard transaction on a connection of its own takes {@code pg_try_advisory_xact_lock} for the job:
 * a node that does not get it skips the run (another node is running it now). Under the lock the job's row in
 * {@code node_job_run} says which due moment was run last, so a node whose clock fires later finds it taken and
 * skips too. The work itself runs outside the guard transaction, in its own transactions (it retries lost races
 * per item), and the lock is released when the guard commits, or by the server when the node dies. On H2 there is
 * one node: no lock, the same record.
 */
@Component
public class ScheduledJobs {
    private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

    private final DataSource dataSource;
    private final String node;
    private final Supplier<Instant> clock;
    private volatile Boolean postgres;

    @Autowired
    ScheduledJobs(DataSource dataSource, @Value("${" + NodeIdentity.PROPERTY + "}") String node) {
        this(dataSource, node, Instant::now);
    }

    ScheduledJobs(DataSource dataSource, String node, Supplier<Instant> clock) {
        this.dataSource = dataSource;
        this.node = node;
        this.clock = clock;
    }

    /** The latest moment at or before now that {@code cron} names, in {@code zone}: the run a firing is for. */
    public static Instant dueMoment(String cron, ZoneId zone, Instant now) {
        CronExpression expression = CronExpression.parse(cron);
        ZonedDateTime at = now.atZone(zone);
        ZonedDateTime due = null;
        for (ZonedDateTime next = expression.next(at.minusDays(2)); next != null && !next.isAfter(at);
             next = expression.next(next)) {
            due = next;
        }
        return due == null ? now : due.toInstant();
    }

    /**
     * Runs {@code work} unless another node runs this job now or already ran it for {@code dueAt}.
     *
     * @param dueAt the moment the run is for, or null for a run that is not tied to one (the catch-up at start-up),
     *              which only waits its turn
     * @return whether the work ran here
     */
    public boolean runOnce(String job, Instant dueAt, Runnable work) {
        try (Connection guard = dataSource.getConnection()) {
            guard.setAutoCommit(false);
            try {
                boolean ran = runGuarded(guard, job, dueAt, work);
                guard.commit();
                return ran;
            } catch (RuntimeException | SQLException | Error e) {
                guard.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the guard of scheduled job " + job + " failed", e);
        }
    }

    private boolean runGuarded(Connection guard, String job, Instant dueAt, Runnable work) throws SQLException {
        if (isPostgres(guard) && !tryLock(guard, job)) {
            log.info("scheduled job {} skipped: another node is running it", job);
            return false;
        }
        Instant lastDue = lastDue(guard, job);
        if (dueAt != null && lastDue != null && !lastDue.isBefore(dueAt)) {
            log.info("scheduled job {} skipped: its run due at {} was done already", job, dueAt);
            return false;
        }
        record(guard, job, dueAt == null ? lastDue : dueAt, clock.get(), null);
        try {
            work.run();
        } finally {
            record(guard, job, dueAt == null ? lastDue : dueAt, null, clock.get());
        }
        return true;
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = SchemaMigrations.Database.of(connection) == SchemaMigrations.Database.POSTGRESQL;
            postgres = known;
        }
        return known;
    }

    private static boolean tryLock(Connection guard, String job) throws SQLException {
        try (PreparedStatement lock = guard.prepareStatement("select pg_try_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, AdvisoryLocks.NAMESPACE);
            lock.setInt(2, AdvisoryLocks.ofJob(job));
            try (ResultSet result = lock.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private static Instant lastDue(Connection guard, String job) throws SQLException {
        try (PreparedStatement select = guard.prepareStatement("select due_at from node_job_run where job = ?")) {
            select.setString(1, job);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return null;
                }
                Timestamp due = result.getTimestamp(1);
                return due == null ? null : due.toInstant();
            }
        }
    }

    /** Starts ({@code startedAt} given) or finishes ({@code finishedAt} given) the job's record. */
    private void record(Connection guard, String job, Instant dueAt, Instant startedAt, Instant finishedAt)
            throws SQLException {
        if (startedAt != null) {
            try (PreparedStatement update = guard.prepareStatement(
                    "update node_job_run set due_at = ?, node = ?, started_at = ?, finished_at = null where job = ?")) {
                update.setTimestamp(1, dueAt == null ? null : Timestamp.from(dueAt));
                update.setString(2, node);
                update.setTimestamp(3, Timestamp.from(startedAt));
                update.setString(4, job);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            try (PreparedStatement insert = guard.prepareStatement(
                    "insert into node_job_run (job, due_at, node, started_at) values (?, ?, ?, ?)")) {
                insert.setString(1, job);
                insert.setTimestamp(2, dueAt == null ? null : Timestamp.from(dueAt));
                insert.setString(3, node);
                insert.setTimestamp(4, Timestamp.from(startedAt));
                insert.executeUpdate();
            }
        } else {
            try (PreparedStatement update = guard.prepareStatement(
                    "update node_job_run set finished_at = ? where job = ?")) {
                update.setTimestamp(1, Timestamp.from(finishedAt));
                update.setString(2, job);
                update.executeUpdate();
            }
        }
    }
}
