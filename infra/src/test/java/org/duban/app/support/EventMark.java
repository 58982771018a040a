package org.duban.app.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.api.MetadataKeys;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A point in the event store, to ask later which events people caused since. The engine's timers of other tests'
 * tasks, reports and rounds (reminders, overdue marks, closing steps) append events as the system at any moment, so a
 * test that proves "a refused request stored nothing" counts only events with a person as actor.
 */
public final class EventMark {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final long lastIndex;

    private EventMark(JdbcTemplate jdbc, long lastIndex) {
        this.jdbc = jdbc;
        this.lastIndex = lastIndex;
    }

    public static EventMark now(JdbcTemplate jdbc) {
        Long last = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return new EventMark(jdbc, last == null ? Long.MIN_VALUE : last);
    }

    /** The events appended since the mark whose actor is a person, not the system. */
    public long eventsByPeople() {
        return jdbc.queryForList("select meta_data from domain_event_entry where global_index > ?", byte[].class, lastIndex)
                .stream().filter(metadata -> !MetadataKeys.SYSTEM_ACTOR.equals(actor(metadata))).count();
    }

    private static Object actor(byte[] metadata) {
        try {
            return JSON.readValue(metadata, Map.class).get(MetadataKeys.ACTOR_USER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
