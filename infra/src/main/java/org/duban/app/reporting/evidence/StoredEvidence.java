package org.duban.app.reporting.evidence;

import org.duban.api.reporting.EvidenceRef;
import org.duban.app.security.DubanUser;

import java.time.Instant;

/** An evidence file as stored: its reference, who uploaded it for which unit and when, and its bytes. */
public record StoredEvidence(EvidenceRef ref, String uploadedBy, String uploadedByUnit, Instant uploadedAt,
                             byte[] content) {

    /**
     * Evidence belongs to the unit that uploaded it; administrators and the read-only office-wide roles (auditors,
     * third-party evaluators) read every unit's evidence. Others read it through a task that cites it.
     */
    public boolean readableBy(DubanUser user) {
        return switch (user.role()) {
            case ADMIN, AUDITOR, EVALUATOR -> true;
            case UNIT_USER, SUPERVISOR -> uploadedByUnit != null && uploadedByUnit.equals(user.unit());
            case SYSTEM -> false;
        };
    }
}
