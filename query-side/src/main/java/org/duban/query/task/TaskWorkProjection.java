package org.duban.query.task;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.duban.api.MetadataKeys;
import org.duban.api.task.CoUnitConfirmationExpired;
import org.duban.api.task.CoUnitPartConfirmed;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskAdjustmentApproved;
import org.duban.api.task.TaskAdjustmentRejected;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.api.task.TaskAssigned;
import org.duban.api.task.TaskClosed;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskStatus;
import org.duban.query.ProjectionTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

import static java.sql.Timestamp.from;

/**
 * A task's workflow status (assigned, acknowledged, adjustment requested, closed), its adjustment requests, and how
 * each co-unit's confirmation of its part ended (confirmed, or expired).
 */
@Component
@ProcessingGroup(TaskWorkProjection.PROCESSING_GROUP)
@ProjectionTables({"task_co_unit_confirmation", "task_adjustment", "task_work"})
class TaskWorkProjection {
    static final String PROCESSING_GROUP = "task-work";

    private final JdbcTemplate jdbc;

    /** @param jdbc the live views, or a scratch database that time travel replays into */
    TaskWorkProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskCreated event) {
        jdbc.update("insert into task_work (task_id, plan_id, status) values (?, ?, ?)", event.taskId(), event.planId(),
                TaskStatus.CREATED.name());
    }

    @EventHandler
    void on(TaskAssigned event) {
        jdbc.update("update task_work set status = ?, acknowledge_by = ? where task_id = ?", TaskStatus.ASSIGNED.name(),
                event.acknowledgeBy(), event.taskId());
    }

    @EventHandler
    void on(TaskAcknowledged event, @Timestamp Instant at) {
        jdbc.update("update task_work set status = ?, acknowledged_at = ? where task_id = ?",
                TaskStatus.ACKNOWLEDGED.name(), from(at), event.taskId());
    }

    @EventHandler
    void on(CoUnitPartConfirmed event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        confirmation(event.taskId(), event.unitId(), "CONFIRMED", null, user, at);
    }

    @EventHandler
    void on(CoUnitConfirmationExpired event, @Timestamp Instant at) {
        confirmation(event.taskId(), event.unitId(), "EXPIRED", event.confirmBy(), null, at);
    }

    private void confirmation(String taskId, String unitId, String outcome, LocalDate confirmBy, String user, Instant at) {
        jdbc.update("insert into task_co_unit_confirmation (task_id, unit_id, outcome, confirm_by, decided_by, decided_at) "
                + "values (?, ?, ?, ?, ?, ?)", taskId, unitId, outcome, confirmBy, user, from(at));
    }

    @EventHandler
    void on(TaskAdjustmentRequested event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        // during execution (动态调整) the task stays acknowledged while the adjustment waits
        jdbc.update("update task_work set status = ? where task_id = ? and status = ?",
                TaskStatus.ADJUSTMENT_REQUESTED.name(), event.taskId(), TaskStatus.ASSIGNED.name());
        jdbc.update("insert into task_adjustment (adjustment_id, task_id, kind, proposal, reason, requested_by, requested_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", event.adjustmentId(), event.taskId(), event.kind().name(),
                event.proposal(), event.reason(), user, from(at));
    }

    @EventHandler
    void on(TaskAdjustmentApproved event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        decided(event.taskId(), event.adjustmentId(), "APPROVED", event.reason(), user, at);
    }

    @EventHandler
    void on(TaskAdjustmentRejected event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        decided(event.taskId(), event.adjustmentId(), "REJECTED", event.reason(), user, at);
    }

    private void decided(String taskId, String adjustmentId, String outcome, String reason, String user, Instant at) {
        jdbc.update("update task_work set status = ? where task_id = ? and status = ?", TaskStatus.ASSIGNED.name(),
                taskId, TaskStatus.ADJUSTMENT_REQUESTED.name());
        jdbc.update("update task_adjustment set outcome = ?, decision_reason = ?, decided_by = ?, decided_at = ? "
                + "where adjustment_id = ?", outcome, reason, user, from(at), adjustmentId);
    }

    @EventHandler
    void on(TaskClosed event) {
        jdbc.update("update task_work set status = ?, closed_reason = ? where task_id = ?", TaskStatus.CLOSED.name(),
                event.reason(), event.taskId());
    }

    @ResetHandler
    void reset() {
        for (String table : TaskWorkProjection.class.getAnnotation(ProjectionTables.class).value()) {
            jdbc.update("delete from " + table);
        }
    }
}
