package org.duban.app.querynode;

import org.axonframework.common.Registration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.SubscribableMessageSource;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * On a query node the subscribing projections subscribe here instead of to the event store, so the same projection
 * code runs; {@link TopicConsumer} hands each decoded batch over inside its database transaction.
 */
public class TopicEventSource implements SubscribableMessageSource<EventMessage<?>> {

    private final List<Consumer<List<? extends EventMessage<?>>>> processors = new CopyOnWriteArrayList<>();

    @Override
    public Registration subscribe(Consumer<List<? extends EventMessage<?>>> processor) {
        processors.add(processor);
        return () -> processors.remove(processor);
    }

    /** Runs every projection on the events in the caller's transaction; a failure propagates and rolls it back. */
    void apply(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        for (Consumer<List<? extends EventMessage<?>>> processor : processors) {
            processor.accept(events);
        }
    }
}
