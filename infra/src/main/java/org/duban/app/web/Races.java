package org.duban.app.web;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.duban.api.CommandRefused;
import org.duban.process.EngineFailures;
import org.hibernate.exception.LockAcquisitionException;
import org.springframework.dao.ConcurrencyFailureException;

import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises a request that lost a race with another one on the same aggregate or workflow step: the event store's
 * sequence taken meanwhile, a Camunda step completed or changed meanwhile, a lock or deadlock the database gave up
 * on. None of these is a defect or bad input: the answer is 409, and where nothing the request read has changed, a
 * new attempt ({@link Retries}).
 */
public final class Races {
    /** The stable code of the 409 answered when a race is lost for good. */
    public static final String CODE = "changed-meanwhile";

    /**
     * 23505 unique key (the event store's aggregate and sequence), 40001 serialization failure or H2 deadlock,
     * 40P01 PostgreSQL deadlock, 55P03 lock not available, HYT00 H2 lock timeout, 90131 H2 concurrent update.
     */
    private static final Set<String> RACE_STATES = Set.of("23505", "40001", "40P01", "55P03", "HYT00", "90131");

    private Races() {
    }

    public static boolean lost(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CommandRefused) {
                // a refusal stands, even the one for a race already lost on every attempt
                return false;
            }
            if (cause instanceof ConcurrencyException
                    || EngineFailures.isLostRace(cause)
                    || cause instanceof ConcurrencyFailureException
                    || cause instanceof OptimisticLockException
                    || cause instanceof PessimisticLockException
                    || cause instanceof LockAcquisitionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && RACE_STATES.contains(next.getSQLState())) {
                        return true;
                    }
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The refusal for a race lost on every attempt: what changed, and what to do. */
    public static CommandRefused changedMeanwhile(String what, Throwable race) {
        CommandRefused refusal = new CommandRefused(CODE, (what == null ? "this" : what)
                + " changed meanwhile, reload and try again");
        refusal.initCause(race);
        return refusal;
    }
}
