package org.duban.app.rebuild;

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

    /** Hands the event to every handler that takes it; what a handler throws is left to the caller to name. */
    void apply(EventMessage<?> event) throws Exception {
        for (EventMessageHandler handler : handlers) {
            if (handler.canHandle(event)) {
                handler.handle(event);
            }
        }
    }
}
