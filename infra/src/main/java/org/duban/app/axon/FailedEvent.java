package org.duban.app.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * An event that an event handler could not handle, named so that it can be found in the store.
 *
 * @param handler         the event processor, which is the projection's (or process handler's) processing group
 * @param eventType       the payload's simple class name
 * @param eventId         the event's identifier
 * @param aggregateId     the aggregate that applied it, null for an event of no aggregate
 * @param sequenceNumber  its sequence number in that aggregate
 * @param globalIndex     its position in the store; null on the live path, where it is not stored yet
 * @param cause           what the handler threw, most specific cause last
 */
public record FailedEvent(String handler, String eventType, String eventId, String aggregateId, Long sequenceNumber,
                          Long globalIndex, String cause) {
    private static final int CAUSE_LENGTH = 500;

    public static FailedEvent of(String handler, EventMessage<?> event, Throwable failure) {
        String aggregateId = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        Long globalIndex = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
        return new FailedEvent(handler, event.getPayloadType().getSimpleName(), event.getIdentifier(), aggregateId,
                sequence, globalIndex, describe(failure));
    }

    /** The event without the cause, e.g. {@code ReportReturned #412 (aggregate t-1, sequence 9, id 5f…)}. */
    public String event() {
        StringBuilder text = new StringBuilder(eventType);
        if (globalIndex != null) {
            text.append(" #").append(globalIndex);
        }
        text.append(" (");
        if (aggregateId != null) {
            text.append("aggregate ").append(aggregateId).append(", sequence ").append(sequenceNumber).append(", ");
        }
        return text.append("event id ").append(eventId).append(')').toString();
    }

    /** One sentence for logs and administrators, cause included. */
    public String describe() {
        return handler + " could not handle " + event() + ": " + cause;
    }

    /** The cause chain's innermost message (a database's own words), bounded: a value may be part of it. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().strip();
        String text = root.getClass().getSimpleName() + message;
        return text.length() <= CAUSE_LENGTH ? text : text.substring(0, CAUSE_LENGTH) + "…";
    }
}
