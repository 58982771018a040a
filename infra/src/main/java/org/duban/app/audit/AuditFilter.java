package org.duban.app.audit;

import org.duban.api.audit.AuditSubject;
import org.duban.api.audit.FindAuditTrail;
import org.duban.process.WorkflowClock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The audit view's filters as request parameters, for the API, the page and the exports alike. Days are read in
 * Asia/Shanghai: {@code to=2026-10-31} includes the whole 31st.
 */
public record AuditFilter(AuditSubject subject, String id, String eventType, String actor, String from, String to,
                          Boolean oldestFirst) {

    public FindAuditTrail page(int page, int size) {
        return new FindAuditTrail(subject, blankToNull(id), blankToNull(eventType), blankToNull(actor),
                instant("from", from, false), instant("to", to, true), Boolean.TRUE.equals(oldestFirst), page, size);
    }

    /** The same filters as a query string, for paging and export links. */
    public String query() {
        StringBuilder query = new StringBuilder();
        append(query, "subject", subject == null ? null : subject.name());
        append(query, "id", id);
        append(query, "eventType", eventType);
        append(query, "actor", actor);
        append(query, "from", from);
        append(query, "to", to);
        append(query, "oldestFirst", Boolean.TRUE.equals(oldestFirst) ? "true" : null);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null && !value.isBlank()) {
            query.append(query.isEmpty() ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String given = value.strip();
        try {
            if (given.length() == 10) {
                LocalDate day = LocalDate.parse(given);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(WorkflowClock.ZONE).toInstant();
            }
            return given.endsWith("Z") ? Instant.parse(given) : OffsetDateTime.parse(given).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter " + name + ": \"" + given
                    + "\" is not a day (2026-10-31) or a time (2026-10-31T08:00:00Z, 2026-10-31T16:00:00+08:00)");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
