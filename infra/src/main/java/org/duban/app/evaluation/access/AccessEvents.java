package org.duban.app.evaluation.access;

import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.duban.api.MetadataKeys;
import org.duban.app.security.DubanUser;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records the events the application itself publishes about evaluators' access (an account issued, a read made).
 * Each is stored as the one event of its own small aggregate, so that it is in the event store, the audit chain and
 * the audit trail (which takes domain events) like any other, with the person who acted in its metadata.
 */
@Component
class AccessEvents {
    static final String ACCOUNT = "EvaluatorAccount";
    static final String READ = "EvaluatorRead";

    private final EventBus events;
    private final TransactionTemplate joined;
    private final TransactionTemplate own;

    AccessEvents(EventBus events, PlatformTransactionManager transactions) {
        this.events = events;
        this.joined = new TransactionTemplate(transactions);
        this.own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records the event in the caller's transaction, or in one of its own if there is none. */
    void record(String aggregateType, Object payload, DubanUser actor) {
        joined.executeWithoutResult(status -> publish(aggregateType, payload, actor));
    }

    /** Records the event in a transaction of its own: a read stays recorded whatever the request does next. */
    void recordApart(String aggregateType, Object payload, DubanUser actor) {
        own.executeWithoutResult(status -> publish(aggregateType, payload, actor));
    }

    private void publish(String aggregateType, Object payload, DubanUser actor) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MetadataKeys.ACTOR_USER, actor.getUsername());
        metadata.put(MetadataKeys.ACTOR_ROLE, actor.role().name());
        if (actor.unit() != null) {
            metadata.put(MetadataKeys.ACTOR_UNIT, actor.unit());
        }
        String correlationId = MDC.get(MetadataKeys.CORRELATION_ID);
        if (correlationId != null) {
            metadata.put(MetadataKeys.CORRELATION_ID, correlationId);
        }
        events.publish(new GenericDomainEventMessage<>(aggregateType, UUID.randomUUID().toString(), 0L, payload,
                metadata));
    }
}
