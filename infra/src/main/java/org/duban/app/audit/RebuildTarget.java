package org.duban.app.audit;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;

import java.util.List;

/**
 * One rebuildable projection: an event processor and the read-side handlers it feeds, with the tables they own.
 * Its name is the processor's name, which is the processing group's ({@code @ProcessingGroup}, or by default the
 * handler's package).
 */
record RebuildTarget(String name, List<Class<?>> projections, List<String> tables, List<EventMessageHandler> handlers) {

    void reset() {
        handlers.forEach(EventMessageHandler::prepareReset);
    }

    void apply(EventMessage<?> event) {
        for (EventMessageHandler handler : handlers) {
            try {
                if (handler.canHandle(event)) {
                    handler.handle(event);
                }
            } catch (Exception e) {
                throw new IllegalStateException(name + " failed on event " + event.getIdentifier() + " ("
                        + event.getPayloadType().getSimpleName() + "): " + e.getMessage(), e);
            }
        }
    }
}
