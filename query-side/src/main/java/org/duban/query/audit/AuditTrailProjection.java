package org.duban.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.duban.api.MetadataKeys;
import org.duban.api.audit.AuditEntry;
import org.duban.api.unit.UnitIds;
import org.duban.query.ProjectionTables;
import org.duban.query.TransactionMemory;
import org.duban.query.UncountedWrites;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The audit trail: every event of every aggregate, with who, when, why, through which process step, what it is
 * about (plan, task, indicator, units) and each field it changed, before → after. Generic over event types, so a new
 * kind of aggregate is in the trail the day it is added. The last value of each field is kept per aggregate (and per
 * reporting period or adjustment, which are separate things inside one task) to tell what changed.
 */
@Component
@ProcessingGroup(AuditTrailProjection.PROCESSING_GROUP)
@ProjectionTables({"audit_event", "audit_field_state", "audit_aggregate"})
class AuditTrailProjection {
    static final String PROCESSING_GROUP = "audit-trail";
    /** Fields that say which thing inside an aggregate an event is about: their values scope the before → after. */
    private static final List<String> SCOPES = List.of("periodKey", "adjustmentId");
    private static final int TEXT = 4000;
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /*
     * What the trail knows, remembered within a transaction (a rebuild is one) so that it is not read back per event:
     * each field's last value by aggregate and scope, and the plan of each aggregate seen.
     */
    private final TransactionMemory<String, Map<String, String>> fieldMemory = new TransactionMemory<>(10_000);
    private final TransactionMemory<String, Seen> aggregateMemory = new TransactionMemory<>(50_000);
    private final JdbcTemplate jdbc;

    AuditTrailProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void onAny(Object payload, DomainEventMessage<?> event) {
        JsonNode fields = JSON.valueToTree(payload);
        Map<String, ?> meta = event.getMetaData();
        String aggregateId = event.getAggregateIdentifier();
        String scope = scopeOf(fields);
        Known known = known(aggregateId, scope);
        String planId = planOf(event.getType(), aggregateId, fields, known);
        Map<String, String> values = flatten(fields, aggregateId);
        List<AuditEntry.Change> changes = changes(aggregateId, scope, values, known.fields());
        Map<String, String> after = new LinkedHashMap<>(known.fields());
        after.putAll(values);
        fieldMemory.put(fieldKey(aggregateId, scope), after);
        String actorUnit = text(meta.get(MetadataKeys.ACTOR_UNIT));
        Set<String> units = new LinkedHashSet<>();
        if (actorUnit != null) {
            units.add(UnitIds.of(actorUnit));
        }
        collectUnitIds(fields, units);
        jdbc.update("insert into audit_event (event_id, aggregate_type, aggregate_id, sequence_number, event_type, "
                        + "occurred_at, actor_user, actor_unit, actor_role, reason, process_instance_id, user_task_id, "
                        + "correlation_id, plan_id, task_id, indicator_id, unit_ids, changes, summary) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.getIdentifier(), event.getType(), aggregateId, event.getSequenceNumber(),
                payload.getClass().getSimpleName(), Timestamp.from(event.getTimestamp()),
                text(meta.get(MetadataKeys.ACTOR_USER)), actorUnit, text(meta.get(MetadataKeys.ACTOR_ROLE)),
                cut(reasonOf(fields, meta)), text(meta.get(MetadataKeys.PROCESS_INSTANCE_ID)),
                text(meta.get(MetadataKeys.USER_TASK_ID)), text(meta.get(MetadataKeys.CORRELATION_ID)), planId,
                "Task".equals(event.getType()) ? aggregateId : textField(fields, "taskId"),
                "Indicator".equals(event.getType()) ? aggregateId : textField(fields, "indicatorId"),
                units.isEmpty() ? null : "|" + String.join("|", units) + "|", json(changes), cut(payload.toString()));
    }

    @ResetHandler
    void reset() {
        fieldMemory.forget();
        aggregateMemory.forget();
        for (String table : AuditTrailProjection.class.getAnnotation(ProjectionTables.class).value()) {
            jdbc.update("delete from " + table);
        }
    }

    /**
     * What the trail knows of an aggregate before this event, in one query: whether it was seen (and with which plan)
     * and the last value of each field in the scope.
     */
    private record Known(boolean seen, String planId, Map<String, String> fields) {
    }

    /** An aggregate the trail has seen, with the plan it records for it (null until one is known). */
    private record Seen(String planId) {
    }

    private Known known(String aggregateId, String scope) {
        Map<String, String> rememberedFields = fieldMemory.get(fieldKey(aggregateId, scope));
        Seen seenBefore = aggregateMemory.get(aggregateId);
        if (rememberedFields != null && seenBefore != null) {
            return new Known(true, seenBefore.planId(), rememberedFields);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        boolean[] seen = {false};
        String[] planId = {null};
        jdbc.query("select 0 as kind, field, field_value from audit_field_state where aggregate_id = ? and scope = ? "
                        + "union all select 1, plan_id, null from audit_aggregate where aggregate_id = ?",
                rs -> {
                    if (rs.getInt("kind") == 1) {
                        seen[0] = true;
                        planId[0] = rs.getString("field");
                    } else {
                        fields.put(rs.getString("field"), rs.getString("field_value"));
                    }
                }, aggregateId, scope, aggregateId);
        if (seen[0]) {
            aggregateMemory.put(aggregateId, new Seen(planId[0]));
        }
        return new Known(seen[0], planId[0], fields);
    }

    private static String fieldKey(String aggregateId, String scope) {
        return aggregateId + '\u0000' + scope;
    }

    /** The plan an event belongs to: its own, the plan named in it, or the one its aggregate was first seen with. */
    private String planOf(String type, String aggregateId, JsonNode fields, Known known) {
        String planId = "Plan".equals(type) ? aggregateId : textField(fields, "planId");
        if (!known.seen()) {
            jdbc.update("insert into audit_aggregate (aggregate_id, aggregate_type, plan_id) values (?, ?, ?)",
                    aggregateId, type, planId);
            aggregateMemory.put(aggregateId, new Seen(planId));
            return planId;
        }
        if (known.planId() == null && planId != null) {
            jdbc.update("update audit_aggregate set plan_id = ? where aggregate_id = ?", planId, aggregateId);
            aggregateMemory.put(aggregateId, new Seen(planId));
        }
        return planId != null ? planId : known.planId();
    }

    private static String scopeOf(JsonNode fields) {
        for (String scope : SCOPES) {
            String value = textField(fields, scope);
            if (value != null) {
                return value;
            }
        }
        return "";
    }

    /** The event's changes against the fields' last values, which it then records: one batch of each kind. */
    private List<AuditEntry.Change> changes(String aggregateId, String scope, Map<String, String> values,
                                            Map<String, String> before) {
        List<AuditEntry.Change> changes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (Map.Entry<String, String> field : values.entrySet()) {
            String was = before.get(field.getKey());
            if (Objects.equals(was, field.getValue()) && before.containsKey(field.getKey())) {
                continue;
            }
            // a field first seen empty is remembered, but nothing changed
            if (before.containsKey(field.getKey()) || !isEmpty(field.getValue())) {
                changes.add(new AuditEntry.Change(field.getKey(), was, field.getValue()));
            }
            if (before.containsKey(field.getKey())) {
                updates.add(new Object[]{field.getValue(), aggregateId, scope, field.getKey()});
            } else {
                inserts.add(new Object[]{aggregateId, scope, field.getKey(), field.getValue()});
            }
        }
        // a field's row is updated only once it was inserted or read: right whenever it is sent after the inserts
        UncountedWrites.send(jdbc, "update audit_field_state set field_value = ? where aggregate_id = ? and scope = ? "
                + "and field = ?", updates);
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into audit_field_state (aggregate_id, scope, field, field_value) "
                    + "values (?, ?, ?, ?)", inserts);
        }
        return changes;
    }

    private static final String SECRET_SET = "******";

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty() || value.equals("[]") || value.equals("{}");
    }

    /** Scalars by dotted path, lists as JSON; the aggregate's own id and the scope are not changes. */
    private static Map<String, String> flatten(JsonNode fields, String aggregateId) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", fields, flat);
        flat.values().removeIf(value -> aggregateId.equals(value));
        SCOPES.forEach(flat::remove);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isNull() || node.isMissingNode()) {
            into.put(prefix, null);
        } else if (prefix.endsWith("Secret")) {
            // a signing secret (UnitNotificationChannelsSet.webhookSecret) is recorded as set, never as its value
            into.put(prefix, SECRET_SET);
        } else {
            into.put(prefix, cut(node.isValueNode() ? node.asText() : node.toString()));
        }
    }

    private static void collectUnitIds(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (field.getKey().toLowerCase().endsWith("unitid") && field.getValue().isTextual()) {
                    into.add(field.getValue().asText());
                } else {
                    collectUnitIds(field.getValue(), into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectUnitIds(element, into));
        }
    }

    /** The reason a person gave, whatever the event calls it, else the one the command carried. */
    private static String reasonOf(JsonNode fields, Map<String, ?> meta) {
        for (String name : List.of("reason", "comment", "note")) {
            String value = textField(fields, name);
            if (value != null) {
                return value;
            }
        }
        return text(meta.get(MetadataKeys.REASON));
    }

    private static String textField(JsonNode fields, String name) {
        JsonNode value = fields.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String json(List<AuditEntry.Change> changes) {
        try {
            return JSON.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the changes as JSON", e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String cut(String text) {
        return text == null || text.length() <= TEXT ? text : text.substring(0, TEXT - 1) + "…";
    }
}
