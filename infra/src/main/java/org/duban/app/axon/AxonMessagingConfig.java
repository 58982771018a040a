package org.duban.app.axon;

import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.duban.api.MetadataKeys;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    /**
     * One truth or none: an event handler that cannot handle an event fails the command that caused it, in the
     * transaction that appends it. Axon's default for handler failures only logs them, which stored the event, answered
     * 2xx and left the views behind for good. Process handlers (such as the assignments of a published plan) are held
     * to the same rule, because they too run in that transaction: a plan is published with all its tasks assigned or
     * not at all.
     */
    @Bean
    ConfigurerModule handlerFailuresFailTheCommand(EntityManagerProvider entityManagers) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultHandlerInterceptor((config, processor) -> namingTheEvent(processor, entityManagers));
    }

    /**
     * Names the event and the processor in what the handler threw. JPA projections write when the persistence context
     * is flushed, which without this would happen at commit or at some later query, in the name of nothing; flushing
     * after each event makes their failures too fail here, on the event that caused them.
     */
    static MessageHandlerInterceptor<EventMessage<?>> namingTheEvent(String processor, EntityManagerProvider entityManagers) {
        return (unitOfWork, chain) -> {
            try {
                Object result = chain.proceed();
                if (TransactionSynchronizationManager.isActualTransactionActive()) {
                    entityManagers.getEntityManager().flush();
                }
                return result;
            } catch (Exception e) {
                if (EventHandlerFailed.in(e) != null) {
                    // a command sent by a process handler failed in a projection: that one is the cause to name
                    throw e;
                }
                throw new EventHandlerFailed(FailedEvent.of(processor, unitOfWork.getMessage(), e), e);
            }
        };
    }
}
