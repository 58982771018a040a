package org.duban.app.audit.trail;

import org.duban.api.audit.AuditSubject;
import org.duban.api.audit.FindAuditTrail;
import org.duban.app.web.Moments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The audit view's filters as request parameters, for the API, the page and the exports alike. Days are read in
 * Asia/Shanghai: {@code to=2026-10-31} includes the whole 31st.
 */
public record AuditFilter(AuditSubject subject, String id, String eventType, String actor, String from, String to,
                          Boolean oldestFirst) {

    public FindAuditTrail page(int page, int size) {
        return new FindAuditTrail(subject, blankToNull(id), blankToNull(eventType), blankToNull(actor),
                Moments.parse("from", from, false), Moments.parse("to", to, true), Boolean.TRUE.equals(oldestFirst), page, size);
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
                    .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
