package org.duban.api.audit;

import java.time.Instant;

/**
 * A page of the audit trail, newest first unless {@code oldestFirst}. Every filter is optional.
 *
 * @param subject   with {@code subjectId}: whose trail (see {@link AuditSubject})
 * @param eventType the event's simple name, e.g. ReportReturned
 * @param actor     the acting user's name
 * @param from      occurred at or after
 * @param to        occurred before
 * @param page      from 0
 * @param size      1 to {@link #MAX_PAGE_SIZE}
 */
public record FindAuditTrail(AuditSubject subject, String subjectId, String eventType, String actor, Instant from,
                             Instant to, boolean oldestFirst, int page, int size) {
    public static final int MAX_PAGE_SIZE = 100_000;

    public FindAuditTrail {
        if ((subject == null) != (subjectId == null || subjectId.isBlank())) {
            throw new IllegalArgumentException("subject and subjectId go together: give both or neither");
        }
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, not " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }
}
