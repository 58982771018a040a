package org.duban.app.notification;

import org.duban.app.notification.OutboxStore.Claimed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends what the outbox holds, a bounded batch per run, one message at a time: claim it in a short transaction, send
 * it outside any transaction (a slow robot holds no database lock), record the attempt in another. Outside working
 * hours a message that is not listed supervision is held until the next allowed moment; a failed attempt is tried
 * again after a doubling wait, up to {@code maxAttempts}, then recorded as failed. Sending is at least once: a node
 * that dies between sending and recording lets its claim lapse and the message is sent again. With several nodes
 * each runs this on its own schedule: a message is claimed by one node at a time (the claim is a conditional update
 * of its row), so the nodes share the outbox instead of sending a message twice.
 */
class NotificationDispatcher {
    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final OutboxStore store;
    private final Senders senders;
    private final QuietHours quietHours;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final Supplier<Instant> clock;
    /** This node ({@code duban.node.id}), in the claims it makes. */
    private final String node;

    NotificationDispatcher(OutboxStore store, Senders senders, QuietHours quietHours, TransactionTemplate transactions,
                           NotificationProperties properties, Supplier<Instant> clock, String node) {
        this.store = store;
        this.senders = senders;
        this.quietHours = quietHours;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
        this.node = node;
    }

    @Scheduled(fixedDelayString = "${duban.notifications.dispatch-interval:PT30S}",
            initialDelayString = "${duban.notifications.dispatch-interval:PT30S}")
    void scheduled() {
        if (!properties.enabled()) {
            return;
        }
        try {
            dispatchDue();
        } catch (RuntimeException e) {
            // the next run tries again; what was claimed lapses and is taken up then
            log.warn("notification dispatch stopped: {}", e.toString());
        }
    }

    /** One run: returns how many messages were attempted (held ones not counted). */
    int dispatchDue() {
        int attempted = 0;
        for (String id : store.due(clock.get(), properties.batchSize())) {
            Instant now = clock.get();
            Optional<Claimed> claimed = transactions.execute(
                    tx -> store.claim(id, node, now, now.plus(properties.claimFor())));
            if (claimed == null || claimed.isEmpty()) {
                continue;
            }
            Claimed message = claimed.get();
            if (!quietHours.allows(now, message.message().listed())) {
                Instant until = quietHours.nextAllowed(now);
                transactions.executeWithoutResult(tx -> store.hold(id, node, until));
                log.info("notification {} held until {} (quiet hours)", id, until);
                continue;
            }
            attempt(message);
            attempted++;
        }
        return attempted;
    }

    private void attempt(Claimed message) {
        String outcome;
        String error = null;
        Instant retryAt = null;
        try {
            senders.send(message.message());
            outcome = OutboxStore.SENT;
        } catch (Senders.SendFailed e) {
            error = e.getMessage();
            int attempt = message.attempts() + 1;
            if (attempt < properties.maxAttempts()) {
                outcome = OutboxStore.RETRY;
                retryAt = clock.get().plus(backoff(attempt));
            } else {
                outcome = OutboxStore.FAILED;
            }
            log.warn("notification {} attempt {} failed: {}", message.message().id(), attempt, error);
        }
        Instant at = clock.get();
        String finalOutcome = outcome;
        String finalError = error;
        Instant finalRetryAt = retryAt;
        transactions.executeWithoutResult(tx -> store.attempted(message, node, at, finalOutcome, finalError, finalRetryAt));
    }

    /** The wait after the {@code attempt}-th failure: the backoff, doubled after each further failure. */
    Duration backoff(int attempt) {
        return properties.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
