package org.duban.app.stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The event stream's publisher, on command nodes that name the brokers ({@code duban.stream.kafka.bootstrap-servers});
 * a query node reads the stream and never publishes it. Without the setting nothing here exists and no event leaves
 * the application.
 */
@Configuration(proxyBeanMethods = false)
@Profile("!query")
@ConditionalOnProperty(name = "duban.stream.kafka.bootstrap-servers")
@EnableConfigurationProperties(EventStreamSettings.class)
class EventStreamConfig {

    /**
     * A tracking processor of its own: it reads committed events from the store, keeps its token in
     * {@code token_entry} and, one segment, one thread, keeps the store's order. Its errors propagate, whatever
     * the projections' handlers do: a batch the broker did not take must roll back its token and be retried, never be
     * logged and passed over.
     */
    @Bean
    ConfigurerModule eventStreamProcessor(EventStreamSettings settings) {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(EventStreamPublisher.PROCESSING_GROUP, config -> config.eventStore(),
                        config -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(settings.batchSize()))
                .registerListenerInvocationErrorHandler(EventStreamPublisher.PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance())
                .registerErrorHandler(EventStreamPublisher.PROCESSING_GROUP, config -> PropagatingErrorHandler.instance());
    }

    @Bean
    EventStreamStatus eventStreamHealthIndicator(JdbcTemplate jdbc, ObjectProvider<EventProcessingConfiguration> processing,
                                                 MeterRegistry meters) {
        Supplier<OptionalLong> position = () -> {
            EventProcessingConfiguration configuration = processing.getIfAvailable();
            if (configuration == null) {
                return OptionalLong.empty();
            }
            return configuration.eventProcessor(EventStreamPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .flatMap(processor -> processor.processingStatus().values().stream()
                            .map(EventTrackerStatus::getCurrentPosition)
                            .filter(OptionalLong::isPresent).map(OptionalLong::getAsLong).max(Long::compare))
                    .map(OptionalLong::of).orElse(OptionalLong.empty());
        };
        return new EventStreamStatus(jdbc, position, meters);
    }

    @Bean(destroyMethod = "closeProducer")
    EventStreamPublisher eventStreamPublisher(EventStreamSettings settings, CloudEventFormat format, JdbcTemplate jdbc,
                                              EventStreamStatus status) {
        return new EventStreamPublisher(() -> producer(settings), format, jdbc, settings, status);
    }

    /** Made on the first batch, so that start-up never waits for, or fails on, the brokers. */
    static Producer<String, byte[]> producer(EventStreamSettings settings) {
        EventStreamSettings.Kafka kafka = settings.kafka();
        Map<String, Object> config = new HashMap<>();
        if (kafka.properties() != null) {
            config.putAll(kafka.properties());
        }
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // idempotence keeps each partition's order through the producer's own retries with up to 5 requests in flight
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, kafka.requestTimeoutMs());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, kafka.deliveryTimeoutMs());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, kafka.maxBlockMs());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "duban-event-stream");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
