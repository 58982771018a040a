package org.duban.api.audit;

import java.util.List;

/** A page of the audit trail and how many entries match in all. */
public record AuditPage(List<AuditEntry> entries, long total, int page, int size) {
}
