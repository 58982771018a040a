package org.duban.app.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes the steps that must happen once per plan (starting its publication process, opening a period's reports)
 * wait for each other: the first takes the plan's first event (its creation) for update, a row outside every view;
 * the second reads what the first did once it has committed. Neither Camunda (a process started twice by business key) nor the reads that
 * decide which reports to open would notice a concurrent twin otherwise.
 */
@Component
public class PlanLock {
    private final JdbcTemplate jdbc;

    PlanLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the surrounding transaction ends. */
    public void hold(String planId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the lock of plan " + planId + " is held by a transaction");
        }
        jdbc.query("select global_index from domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 0 for update", row -> {
        }, planId);
    }
}
