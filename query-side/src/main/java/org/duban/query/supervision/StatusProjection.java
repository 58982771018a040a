package org.duban.query.supervision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.duban.api.MetadataKeys;
import org.duban.api.indicator.IndicatorTargetAdjusted;
import org.duban.api.indicator.IndicatorValueRecorded;
import org.duban.api.indicator.Target;
import org.duban.api.supervision.IndicatorStatusChanged;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.TaskStatusChanged;
import org.duban.query.ProjectionTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static java.sql.Timestamp.from;

/**
 * The on-schedule status (红黄绿) of each task and indicator with the rule and figures that decided it, every change
 * of status, every value reported for an indicator per period with its corrections, and the target in force of an
 * adjusted indicator.
 */
@Component
@ProcessingGroup(StatusProjection.PROCESSING_GROUP)
@ProjectionTables({"task_status", "indicator_status", "status_change", "indicator_value", "indicator_target"})
class StatusProjection {
    static final String PROCESSING_GROUP = "supervision-status";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    StatusProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskStatusChanged event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        String figures = figures(event.values());
        jdbc.update("delete from task_status where task_id = ?", event.taskId());
        jdbc.update("insert into task_status (task_id, plan_id, lead_unit_id, status, rule, figures, as_of, since) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)", event.taskId(), event.planId(), event.leadUnitId(),
                event.toStatus().name(), event.rule(), figures, event.asOf(), from(at));
        change(eventId, event.planId(), event.taskId(), null, event.fromStatus(), event.toStatus(), event.rule(), figures,
                event.asOf(), at);
    }

    @EventHandler
    void on(IndicatorStatusChanged event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        String figures = figures(event.values());
        jdbc.update("delete from indicator_status where indicator_id = ?", event.indicatorId());
        jdbc.update("insert into indicator_status (indicator_id, plan_id, status, rule, figures, as_of, since) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", event.indicatorId(), event.planId(), event.toStatus().name(),
                event.rule(), figures, event.asOf(), from(at));
        change(eventId, event.planId(), null, event.indicatorId(), event.fromStatus(), event.toStatus(), event.rule(),
                figures, event.asOf(), at);
    }

    private void change(String eventId, String planId, String taskId, String indicatorId, RagStatus from, RagStatus to,
                        String rule, String figures, LocalDate asOf, Instant at) {
        jdbc.update("insert into status_change (id, plan_id, task_id, indicator_id, from_status, to_status, rule, figures, "
                        + "as_of, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", eventId, planId, taskId, indicatorId,
                from == null ? null : from.name(), to.name(), rule, figures, asOf, from(at));
    }

    /** Every version is kept; the one in force for a period is the highest. */
    @EventHandler
    void on(IndicatorValueRecorded event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        jdbc.update("insert into indicator_value (indicator_id, period_key, version, plan_id, numeric_value, as_written, "
                        + "source, task_id, evidence, reason, recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.indicatorId(), event.periodKey(), event.version(), event.planId(), event.value(),
                event.asWritten(), event.source().name(), event.taskId(),
                event.evidence() == null || event.evidence().isEmpty() ? null : json(event.evidence()), event.reason(),
                user, from(at));
    }

    @EventHandler
    void on(IndicatorTargetAdjusted event, @Timestamp Instant at) {
        Target target = event.toTarget();
        jdbc.update("delete from indicator_target where indicator_id = ?", event.indicatorId());
        jdbc.update("insert into indicator_target (indicator_id, plan_id, target_year, target_kind, target_low, target_high, "
                        + "target_percent, target_written, adjusted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.indicatorId(), event.planId(), target.year(), target.kind() == null ? null : target.kind().name(),
                target.low(), target.high(), target.percent(), target.asWritten(), from(at));
    }

    @ResetHandler
    void reset() {
        for (String table : StatusProjection.class.getAnnotation(ProjectionTables.class).value()) {
            jdbc.update("delete from " + table);
        }
    }

    /** The figures by name, in name order so that a rebuild writes the same text. */
    private static String figures(Map<String, String> values) {
        return values == null || values.isEmpty() ? null : json(new TreeMap<>(values));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
