package org.duban.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.audit.AuditEntry;
import org.duban.api.audit.AuditPage;
import org.duban.api.audit.FindAuditTrail;
import org.duban.api.unit.UnitIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** Reads the audit trail: pages of it by subject and filters, and the whole trail of one aggregate. */
@Component
public class AuditTrail {
    private static final TypeReference<List<AuditEntry.Change>> CHANGES = new TypeReference<>() {
    };
    private static final RowMapper<AuditEntry> ENTRY = (rs, n) -> new AuditEntry(rs.getString("event_id"),
            rs.getString("aggregate_type"), rs.getString("aggregate_id"), rs.getLong("sequence_number"),
            rs.getString("event_type"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor_user"),
            rs.getString("actor_unit"), rs.getString("actor_role"), rs.getString("reason"),
            rs.getString("process_instance_id"), rs.getString("user_task_id"), rs.getString("correlation_id"),
            rs.getString("plan_id"), rs.getString("task_id"), rs.getString("indicator_id"),
            changes(rs.getString("changes")), rs.getString("summary"));

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event of one aggregate, in its order. */
    public List<AuditEntry> ofAggregate(String aggregateId) {
        return jdbc.query("select * from audit_event where aggregate_id = ? order by sequence_number", ENTRY, aggregateId);
    }

    @QueryHandler
    AuditPage handle(FindAuditTrail query) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.subject() != null) {
            switch (query.subject()) {
                case PLAN -> where.append(" and plan_id = ?");
                case TASK -> where.append(" and task_id = ?");
                case INDICATOR -> where.append(" and indicator_id = ?");
                case UNIT -> where.append(" and unit_ids like ?");
                case USER -> where.append(" and actor_user = ?");
            }
            String id = query.subjectId().strip();
            // a unit is named by its id or its name
            args.add(switch (query.subject()) {
                case UNIT -> "%|" + (id.startsWith("unit-") ? id : UnitIds.of(id)) + "|%";
                default -> id;
            });
        }
        if (query.eventType() != null && !query.eventType().isBlank()) {
            where.append(" and event_type = ?");
            args.add(query.eventType().strip());
        }
        if (query.actor() != null && !query.actor().isBlank()) {
            where.append(" and actor_user = ?");
            args.add(query.actor().strip());
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= ?");
            args.add(Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < ?");
            args.add(Timestamp.from(query.to()));
        }
        long total = jdbc.queryForObject("select count(*) from audit_event" + where, Long.class, args.toArray());
        String direction = query.oldestFirst() ? "asc" : "desc";
        List<Object> paged = new ArrayList<>(args);
        paged.add(query.size());
        paged.add((long) query.page() * query.size());
        List<AuditEntry> entries = jdbc.query("select * from audit_event" + where + " order by occurred_at " + direction
                + ", aggregate_id " + direction + ", sequence_number " + direction + " limit ? offset ?", ENTRY,
                paged.toArray());
        return new AuditPage(entries, total, query.page(), query.size());
    }

    private static List<AuditEntry.Change> changes(String json) {
        try {
            return json == null ? List.of() : AuditTrailProjection.JSON.readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored changes are not readable: " + json, e);
        }
    }
}
