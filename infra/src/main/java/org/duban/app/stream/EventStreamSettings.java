package org.duban.app.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * The publisher's settings ({@code duban.stream.*}, shared with the query node's reader). The publisher runs only when
 * {@code duban.stream.kafka.bootstrap-servers} is set (docs/EVENT-STREAM.md).
 *
 * @param topic            where the events go
 * @param batchSize        events per batch of the tracking processor: one wait for the broker per batch
 * @param publishTimeoutMs how long a batch waits for the broker's acknowledgements before it fails and is retried
 */
@ConfigurationProperties("duban.stream")
public record EventStreamSettings(
        @DefaultValue Kafka kafka,
        @DefaultValue("duban.events") String topic,
        @DefaultValue("100") int batchSize,
        @DefaultValue("15000") long publishTimeoutMs) {

    /**
     * @param bootstrapServers  the brokers; the publisher is off without them
     * @param deliveryTimeoutMs the producer's bound for one record, retries included ({@code delivery.timeout.ms})
     * @param requestTimeoutMs  one request to a broker ({@code request.timeout.ms})
     * @param maxBlockMs        how long a send may wait for the topic's metadata ({@code max.block.ms})
     * @param properties        further producer settings passed as they are (TLS, SASL); the ones above and
     *                          acks/idempotence win
     */
    public record Kafka(
            String bootstrapServers,
            @DefaultValue("12000") int deliveryTimeoutMs,
            @DefaultValue("5000") int requestTimeoutMs,
            @DefaultValue("10000") long maxBlockMs,
            Map<String, String> properties) {
    }
}
