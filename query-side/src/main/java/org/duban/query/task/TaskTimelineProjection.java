package org.duban.query.task;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.duban.api.MetadataKeys;
import org.duban.query.ProjectionTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/**
 * The timeline of every task: each of its events with who (user, unit, role), when, why and through which
 * process step. A component of its own, because Axon gives an event to the most specific handler of a component.
 */
@Component
@ProcessingGroup(TaskTimelineProjection.PROCESSING_GROUP)
@ProjectionTables("task_timeline")
class TaskTimelineProjection {
    static final String PROCESSING_GROUP = "task-timeline";

    private final JdbcTemplate jdbc;

    TaskTimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void onAny(Object payload, DomainEventMessage<?> event) {
        if (!"Task".equals(event.getType())) {
            return;
        }
        Map<String, ?> meta = event.getMetaData();
        jdbc.update("insert into task_timeline (event_id, task_id, sequence_number, event_type, occurred_at, actor_user, "
                        + "actor_unit, actor_role, reason, process_instance_id, user_task_id, summary) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.getIdentifier(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                payload.getClass().getSimpleName(), Timestamp.from(event.getTimestamp()), text(meta.get(MetadataKeys.ACTOR_USER)),
                text(meta.get(MetadataKeys.ACTOR_UNIT)), text(meta.get(MetadataKeys.ACTOR_ROLE)), reasonOf(payload),
                text(meta.get(MetadataKeys.PROCESS_INSTANCE_ID)), text(meta.get(MetadataKeys.USER_TASK_ID)), summary(payload));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from task_timeline");
    }

    /** The reason a person gave, whatever the event calls it. */
    private static String reasonOf(Object payload) {
        for (String accessor : List.of("reason", "comment", "note")) {
            try {
                Object value = payload.getClass().getMethod(accessor).invoke(payload);
                if (value != null) {
                    return cut(value.toString(), 4000);
                }
            } catch (ReflectiveOperationException e) {
                // this event has no such field
            }
        }
        return null;
    }

    private static String summary(Object payload) {
        return cut(String.valueOf(payload), 4000);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length - 1) + "…" : text;
    }
}
