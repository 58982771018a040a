package org.duban.app.axon;

/**
 * An event handler of a subscribing processor could not handle an event. Thrown in the transaction that appends the
 * event, it fails the command and rolls back that transaction: the event is not stored, a completed user task stays
 * open, no view keeps a partial write. It is a defect of the server, not a refusal of the input.
 */
public class EventHandlerFailed extends RuntimeException {
    private final FailedEvent event;

    public EventHandlerFailed(FailedEvent event, Throwable cause) {
        super(event.describe(), cause);
        this.event = event;
    }

    public FailedEvent event() {
        return event;
    }

    /** The first handler failure in {@code failure}'s cause chain, or null. */
    public static EventHandlerFailed in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EventHandlerFailed found) {
                return found;
            }
        }
        return null;
    }
}
