package org.duban.app.rebuild;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.duban.app.web.NotFound;
import org.duban.query.ProjectionTables;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the projections among Axon's event processors: every handler whose class lives in {@code org.duban.query}
 * is a projection, so a new one is found without being listed anywhere. Handlers elsewhere (processes, infra) are
 * never replayed: they may have effects beyond their own tables.
 */
@Component
class RebuildCatalog {
    static final String READ_SIDE = "org.duban.query";
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final EventProcessingConfiguration processing;

    RebuildCatalog(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** Every projection, ordered by name. */
    List<RebuildTarget> all() {
        List<RebuildTarget> found = new ArrayList<>();
        for (Map.Entry<String, EventProcessor> processor : processing.eventProcessors().entrySet()) {
            if (!(processor.getValue() instanceof AbstractEventProcessor events)) {
                continue;
            }
            List<EventMessageHandler> handlers = new ArrayList<>();
            collect(events.eventHandlerInvoker(), handlers);
            List<EventMessageHandler> readSide = new ArrayList<>();
            List<Class<?>> classes = new ArrayList<>();
            Set<String> tables = new LinkedHashSet<>();
            for (EventMessageHandler handler : handlers) {
                if (handler instanceof AnnotationEventHandlerAdapter adapter) {
                    Class<?> type = ClassUtils.getUserClass(adapter.getTargetType());
                    if (type.getPackageName().equals(READ_SIDE) || type.getPackageName().startsWith(READ_SIDE + ".")) {
                        readSide.add(handler);
                        classes.add(type);
                        tables.addAll(tablesOf(type));
                    }
                }
            }
            if (!readSide.isEmpty()) {
                found.add(new RebuildTarget(processor.getKey(), List.copyOf(classes), List.copyOf(tables),
                        List.copyOf(readSide)));
            }
        }
        found.sort(Comparator.comparing(RebuildTarget::name));
        return found;
    }

    /** The named projection, or all of them when {@code name} is null, blank or {@code all}. */
    List<RebuildTarget> select(String name) {
        List<RebuildTarget> all = all();
        if (name == null || name.isBlank() || name.equals("all")) {
            return all;
        }
        return all.stream().filter(target -> target.name().equals(name)).findFirst().map(List::of)
                .orElseThrow(() -> new NotFound("no projection is called \"" + name + "\"; there are "
                        + all.stream().map(RebuildTarget::name).toList()));
    }

    private static List<String> tablesOf(Class<?> type) {
        ProjectionTables declared = type.getAnnotation(ProjectionTables.class);
        if (declared == null) {
            return List.of();
        }
        for (String table : declared.value()) {
            if (!TABLE_NAME.matcher(table).matches()) {
                throw new IllegalStateException(type.getName() + " declares a table named \"" + table
                        + "\"; table names are lower case letters, digits and underscores");
            }
        }
        return List.of(declared.value());
    }

    private static void collect(EventHandlerInvoker invoker, List<EventMessageHandler> into) {
        if (invoker instanceof MultiEventHandlerInvoker multi) {
            multi.delegates().forEach(delegate -> collect(delegate, into));
        } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
            into.addAll(simple.eventHandlers());
        }
    }
}
