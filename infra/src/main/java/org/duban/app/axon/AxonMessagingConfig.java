package org.duban.app.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.duban.api.MetadataKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneOffset;

/** How messages carry who acted and why, and how projections are fed. */
@Configuration(proxyBeanMethods = false)
class AxonMessagingConfig {

    /**
     * Axon's JPA store keeps an event's timestamp as text with millisecond precision. Events are created with that
     * precision too, so that a projection sees the same instant when it handles an event live and when a rebuild
     * replays it from the store.
     */
    AxonMessagingConfig() {
        GenericEventMessage.clock = Clock.tickMillis(ZoneOffset.UTC);
    }

    /** Every event inherits actor, reason, correlation id and workflow step from the command that caused it. */
    @Bean
    CorrelationDataProvider actorAndWorkflowProvider() {
        return new SimpleCorrelationDataProvider(MetadataKeys.PROPAGATED);
    }

    /**
     * Axon's origin tracking under names that do not clash with our request correlation id.
     * Defining it here replaces Axon's default provider, which uses the key {@code correlationId}.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(MetadataKeys.CAUSATION_ID, MetadataKeys.TRACE_ID);
    }

    /**
     * Projections are updated in the transaction that appends the events (subscribing processors), so a
     * completed user task, its events and the views commit or roll back together.
     */
    @Bean
    @ConditionalOnProperty(name = "duban.projections.mode", havingValue = "subscribing", matchIfMissing = true)
    ConfigurerModule subscribingProjections() {
        return configurer -> configurer.eventProcessing().usingSubscribingEventProcessors();
    }
}
