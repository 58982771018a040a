package org.duban.query;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.duban.api.MetadataKeys;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gives events to the projections under test and asks them queries, through Axon's own handler adapters, as the
 * event and query buses do: handlers' metadata and timestamp parameters are filled, and a query reaches the
 * projection that answers it.
 */
@Component
public class Projections {
    public static final String USER = "supervisor";
    public static final String UNIT = "区政府督查室";

    private final ApplicationContext context;
    private final EntityManager entities;
    private List<Object> projections;

    Projections(ApplicationContext context, EntityManager entities) {
        this.context = context;
        this.entities = entities;
    }

    /** The projections, and the query classes that read several of them. */
    private List<Object> projections() {
        if (projections == null) {
            projections = context.getBeansWithAnnotation(Component.class).values().stream()
                    .filter(bean -> bean != this && bean.getClass().getPackageName().startsWith("org.duban.query"))
                    .toList();
        }
        return projections;
    }

    /** Hands each event to every projection, then writes and forgets what JPA holds, so queries read the tables. */
    public void given(Object... events) {
        for (Object event : events) {
            var message = new GenericEventMessage<>(UUID.randomUUID().toString(), event,
                    Map.of(MetadataKeys.ACTOR_USER, USER, MetadataKeys.ACTOR_UNIT, UNIT), Instant.now());
            for (Object projection : projections()) {
                AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
                if (adapter.canHandle(message)) {
                    try {
                        adapter.handle(message);
                    } catch (Exception e) {
                        throw new IllegalStateException(projection.getClass().getSimpleName() + " failed on " + event, e);
                    }
                }
            }
        }
        entities.flush();
        entities.clear();
    }

    /**
     * The answer of the one projection that handles this query for that response type, as the query bus gives it: an
     * empty {@code Optional} answers null.
     */
    @SuppressWarnings("unchecked")
    public <R> R query(Object query, ResponseType<R> responseType) {
        var message = new GenericQueryMessage<>(query, responseType);
        for (Object projection : projections()) {
            AnnotationQueryHandlerAdapter<Object> adapter = new AnnotationQueryHandlerAdapter<>(projection);
            if (adapter.canHandle(message)) {
                try {
                    return (R) adapter.handle(message);
                } catch (Exception e) {
                    throw new IllegalStateException(projection.getClass().getSimpleName() + " failed on " + query, e);
                }
            }
        }
        throw new IllegalArgumentException("no projection under test answers " + query.getClass().getSimpleName());
    }
}
