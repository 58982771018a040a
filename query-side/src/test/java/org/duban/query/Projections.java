package org.duban.query;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.duban.api.MetadataKeys;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
    public static final String ROLE = "SUPERVISOR";

    private final ApplicationContext context;
    private final EntityManager entities;
    private List<Object> projections;
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant clock = Instant.EPOCH;

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

    /**
     * Hands each event to every projection, as an event of the aggregate that applies it (see {@link #aggregateOf}),
     * each a millisecond after the one before, then writes and forgets what JPA holds, so queries read the tables.
     *
     * @return the events as given, for an event store
     */
    public List<DomainEventMessage<?>> given(Object... events) {
        List<DomainEventMessage<?>> given = new ArrayList<>();
        for (Object event : events) {
            Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            clock = at.isAfter(clock) ? at : clock.plusMillis(1);
            Map.Entry<String, String> aggregate = aggregateOf(event);
            long sequence = sequences.merge(aggregate.getValue(), 1L, Long::sum) - 1;
            var message = new GenericDomainEventMessage<>(aggregate.getKey(), aggregate.getValue(), sequence, event,
                    Map.of(MetadataKeys.ACTOR_USER, USER, MetadataKeys.ACTOR_UNIT, UNIT, MetadataKeys.ACTOR_ROLE, ROLE),
                    UUID.randomUUID().toString(), clock);
            given.add(message);
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
        return given;
    }

    /** When the last event given happened. */
    public Instant lastEventAt() {
        return clock;
    }

    /**
     * The aggregate type and id an event belongs to, as the command side applies it: calendar, indicator, unit and
     * evaluation round events to their own aggregates, a supervision case's events to their case, task and report
     * events to their task, the others to their plan.
     */
    static Map.Entry<String, String> aggregateOf(Object event) {
        String feature = event.getClass().getPackageName().substring("org.duban.api.".length());
        return switch (feature) {
            case "calendar" -> Map.entry("CalendarYear", component(event, "calendarId"));
            case "indicator" -> Map.entry("Indicator", component(event, "indicatorId"));
            case "unit" -> Map.entry("Unit", component(event, "unitId"));
            case "evaluation" -> Map.entry("EvaluationRound", component(event, "roundId"));
            case "supervision" -> component(event, "caseId") != null
                    ? Map.entry("SupervisionCase", component(event, "caseId")) : taskOrPlan(event);
            default -> taskOrPlan(event);
        };
    }

    private static Map.Entry<String, String> taskOrPlan(Object event) {
        String taskId = component(event, "taskId");
        return taskId != null ? Map.entry("Task", taskId) : Map.entry("Plan", component(event, "planId"));
    }

    private static String component(Object event, String name) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals(name)) {
                try {
                    return (String) component.getAccessor().invoke(event);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return null;
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
                    // as the query bus does: an Optional answer is unwrapped by the handler and wrapped again here
                    return responseType.convert(adapter.handle(message));
                } catch (Exception e) {
                    throw new IllegalStateException(projection.getClass().getSimpleName() + " failed on " + query, e);
                }
            }
        }
        throw new IllegalArgumentException("no projection under test answers " + query.getClass().getSimpleName());
    }
}
