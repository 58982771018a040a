package org.duban.app.querynode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where a query node reads the events from ({@code duban.stream.*}, shared with the publisher). */
@ConfigurationProperties("duban.stream")
public record QueryNodeSettings(
        @DefaultValue Kafka kafka,
        @DefaultValue("duban.events") String topic,
        @DefaultValue("duban-query") String consumerGroup) {

    public record Kafka(@DefaultValue("localhost:9092") String bootstrapServers) {
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }
}
