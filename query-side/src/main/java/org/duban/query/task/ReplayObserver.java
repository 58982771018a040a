package org.duban.query.task;

import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Told of every event time travel replays, as it replays it. The application has none; a test uses one to hold a
 * replay open while it does something else.
 */
public interface ReplayObserver {
    ReplayObserver NONE = event -> {
    };

    void replayed(DomainEventMessage<?> event);
}
