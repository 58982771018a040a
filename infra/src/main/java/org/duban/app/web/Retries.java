package org.duban.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs a step in a transaction of its own and, when it lost a race ({@link Races}), runs it again from the start: it
 * reads everything anew, so a step another request took meanwhile is refused as not waiting, and a step that only
 * shared an aggregate with another (two periods' reports of one task) succeeds. A race lost on every attempt is the
 * 409 {@value Races#CODE}. Inside a transaction someone else opened, the work runs once: that caller retries.
 */
@Component
public class Retries {
    private static final Logger log = LoggerFactory.getLogger(Retries.class);
    static final int ATTEMPTS = 3;
    private final TransactionTemplate transaction;

    Retries(TransactionTemplate transaction) {
        this.transaction = transaction;
    }

    /** @param what names what the step changes, for the 409 ("the report of task … for 2026-Q4") */
    public <T> T attempt(String what, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> work.get());
            } catch (RuntimeException e) {
                if (!Races.lost(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    log.info("{}: race lost {} times, answered as changed meanwhile", what, ATTEMPTS, e);
                    throw Races.changedMeanwhile(what, e);
                }
                log.debug("{}: race lost on attempt {}, trying again", what, attempt, e);
                // jitter, so that the losers do not meet again at once
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(
                        ThreadLocalRandom.current().nextLong(5, 25L * attempt * attempt)));
            }
        }
    }

    public void attempt(String what, Runnable work) {
        attempt(what, () -> {
            work.run();
            return null;
        });
    }
}
