package org.duban.app.stream;

/** The broker did not take a batch: the tracking processor rolls its token back and retries. */
public class EventStreamUnavailable extends RuntimeException {
    public EventStreamUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
