package org.duban.api.supervision;

import org.duban.api.reporting.EvidenceRef;

import java.util.List;

/** The unit reported what it did, with evidence, for the supervisor to verify. */
public record RectificationResultSubmitted(String caseId, String planId, String unitId, String result,
                                           List<EvidenceRef> evidence) {
}
