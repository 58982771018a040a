package org.duban.app.task;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes the steps on one task wait for each other until each has committed: the first takes the task's first event
 * (its creation) for update, a row nothing ever changes and outside every view, so that a rebuild holding the views'
 * rows does not block it. The Task aggregate's own lock is let go when its command is handled, before the transaction
 * that completes the Camunda step commits, so without this a second step on the task would read the task before
 * the first's events and lose the race on its event sequence; with it, the second reads what the first did (a step
 * already taken is refused as not waiting, another period's report goes ahead).
 */
@Component
class TaskLock {
    private final JdbcTemplate jdbc;

    TaskLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the surrounding transaction ends. */
    void hold(String taskId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the lock of task " + taskId + " is held by a transaction");
        }
        jdbc.query("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 0 for update", row -> {
        }, taskId);
    }
}
