package org.duban.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One event as an auditor reads it: who (user, unit, role), when, what (the event and each field it changed,
 * before → after), why (the reason given), through which process and user task, and about what.
 */
public record AuditEntry(String eventId, String aggregateType, String aggregateId, long sequenceNumber,
                         String eventType, Instant occurredAt, String actorUser, String actorUnit, String actorRole,
                         String reason, String processInstanceId, String userTaskId, String correlationId,
                         String planId, String taskId, String indicatorId, List<Change> changes, String summary) {
    private static final Pattern PERIOD = Pattern.compile("\\b(?:periodKey|period=ReportingPeriod\\[key)=(\\d{4}(?:-[MQH]\\d{1,2})?)\\b");

    /** The changes as people read them, one {@code field: before → after} a line, ∅ for no value. */
    public String changesAsText(Predicate<String> fields) {
        return changes.stream().filter(change -> fields.test(change.field()))
                .map(change -> change.field() + ": " + (change.before() == null ? "∅" : change.before()) + " → "
                        + (change.after() == null ? "∅" : change.after()))
                .collect(Collectors.joining("\n"));
    }

    /**
     * The reporting period the event is about, as its text names it ({@code periodKey=…}, or the key of the period
     * it opens); null for events about no period. The key is kept out of {@link #changes}, which are per period.
     */
    public String periodKey() {
        Matcher key = PERIOD.matcher(summary == null ? "" : summary);
        return key.find() ? key.group(1) : null;
    }

    /** A field the event set; {@code before} is null the first time the field is set. */
    public record Change(String field, String before, String after) {
    }
}
