package org.duban.api.audit;

import java.time.Instant;
import java.util.List;

/**
 * One event as an auditor reads it: who (user, unit, role), when, what (the event and each field it changed,
 * before → after), why (the reason given), through which process and user task, and about what.
 */
public record AuditEntry(String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                         String eventType, Instant occurredAt, String actorUser, String actorUnit, String actorRole,
                         String reason, String processInstanceId, String userTaskId, String correlationId,
                         String planId, String taskId, String indicatorId, List<Change> changes, String summary) {

    /** A field the event set; {@code before} is null the first time the field is set. */
    public record Change(String field, String before, String after) {
    }
}
