package org.duban.api.supervision;

import org.duban.api.audit.AuditEntry;

import java.util.List;

/** A case and every event of it, oldest first, as the audit trail recorded them (for the page's timeline). */
public record SupervisionCaseDetail(SupervisionCaseView view, List<AuditEntry> timeline) {
    public SupervisionCaseDetail {
        timeline = List.copyOf(timeline);
    }
}
