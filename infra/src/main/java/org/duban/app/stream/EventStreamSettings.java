package org.duban.app.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.Map;

/**
 * The event stream's settings ({@code duban.stream.*}), for the publisher and the query node's reader alike. The
 * publisher runs only when {@code duban.stream.kafka.bootstrap-servers} is set (docs/EVENT-STREAM.md); the query
 * profile sets it to {@code localhost:9092} unless told otherwise.
 *
 * @param topic            where the events go and where a query node reads them
 * @param batchSize        events per batch of the tracking processor: one wait for the broker per batch
 * @param publishTimeoutMs how long a batch waits for the broker's acknowledgements before it fails and is retried
 * @param consumerGroup    a query node's consumer group id (its offsets are kept in its own database, not in Kafka)
 */
@ConfigurationProperties("duban.stream")
public record EventStreamSettings(
        @DefaultValue Kafka kafka,
        @DefaultValue("duban.events") String topic,
        @DefaultValue("100") int batchSize,
        @DefaultValue("15000") long publishTimeoutMs,
        @DefaultValue("duban-query") String consumerGroup) {

    /**
     * @param bootstrapServers  the brokers; the publisher is off without them
     * @param deliveryTimeoutMs the producer's bound for one record, retries included ({@code delivery.timeout.ms})
     * @param requestTimeoutMs  one request to a broker ({@code request.timeout.ms})
     * @param maxBlockMs        how long a send may wait for the topic's metadata ({@code max.block.ms})
     * @param properties        further client settings passed as they are to the producer and the query node's
     *                          consumer (TLS, SASL); the ones Duban sets itself win
     */
    public record Kafka(
            String bootstrapServers,
            @DefaultValue("12000") int deliveryTimeoutMs,
            @DefaultValue("5000") int requestTimeoutMs,
            @DefaultValue("10000") long maxBlockMs,
            Map<String, String> properties) {
    }
}
