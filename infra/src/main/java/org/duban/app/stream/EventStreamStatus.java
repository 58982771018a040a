package org.duban.app.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * How the publisher fares: health component {@code eventStream} (UP while the last batch was acknowledged, DOWN with
 * the error and the lag once one failed) and the meters {@code duban.stream.published}, {@code duban.stream.failures}
 * and {@code duban.stream.lag}.
 */
public class EventStreamStatus implements HealthIndicator {
    private final JdbcTemplate jdbc;
    private final Supplier<OptionalLong> processorPosition;
    private final Counter published;
    private final Counter failures;

    private volatile Instant lastSuccessAt;
    private volatile Long lastPublishedIndex;
    private volatile EventStreamPublisher.ChainLink lastHead;
    private volatile String error;
    private volatile Instant failingSince;
    private volatile Long failingFrom;
    private volatile long attempts;

    public EventStreamStatus(JdbcTemplate jdbc, Supplier<OptionalLong> processorPosition, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.processorPosition = processorPosition;
        this.published = Counter.builder("duban.stream.published")
                .description("domain events the broker acknowledged (a retried batch counts again)").register(meters);
        this.failures = Counter.builder("duban.stream.failures")
                .description("batches the broker did not acknowledge; each is retried").register(meters);
        Gauge.builder("duban.stream.lag", this, status -> status.lag().orElse(-1))
                .description("global indexes of the event store not yet published (-1: not known yet)").register(meters);
    }

    void published(int events, Long lastIndex, EventStreamPublisher.ChainLink head) {
        published.increment(events);
        lastSuccessAt = Instant.now();
        if (lastIndex != null) {
            lastPublishedIndex = lastIndex;
        }
        if (head != null) {
            lastHead = head;
        }
        error = null;
        failingSince = null;
        failingFrom = null;
        attempts = 0;
    }

    void failed(String message, Long fromIndex) {
        failures.increment();
        error = message;
        if (failingSince == null) {
            failingSince = Instant.now();
        }
        failingFrom = fromIndex;
        attempts++;
    }

    /** The store's last global index minus the last one published; empty before anything is known. */
    OptionalLong lag() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        if (head == null) {
            return OptionalLong.of(0);
        }
        Long done = lastPublishedIndex;
        OptionalLong position = processorPosition.get();
        if (position.isPresent() && (done == null || position.getAsLong() > done)) {
            done = position.getAsLong();
        }
        return done == null ? OptionalLong.empty() : OptionalLong.of(Math.max(0, head - done));
    }

    @Override
    public Health health() {
        String failure = error;
        Health.Builder health = failure == null ? Health.up() : Health.down()
                .withDetail("error", failure)
                .withDetail("failingSince", String.valueOf(failingSince))
                .withDetail("attempts", attempts);
        if (failure != null && failingFrom != null) {
            health.withDetail("retryingFromGlobalIndex", failingFrom);
        }
        lag().ifPresent(lag -> health.withDetail("lag", lag));
        health.withDetail("published", (long) published.count());
        if (lastSuccessAt != null) {
            health.withDetail("lastPublishedAt", lastSuccessAt.toString());
        }
        if (lastPublishedIndex != null) {
            health.withDetail("lastPublishedGlobalIndex", lastPublishedIndex);
        }
        EventStreamPublisher.ChainLink head = lastHead;
        if (head != null) {
            health.withDetail("chainHead", head.reference());
        }
        return health.build();
    }
}
