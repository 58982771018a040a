package org.duban.api.evaluation;

import org.duban.api.Limits;
import org.duban.api.Require;
import org.duban.api.reporting.EvidenceRef;

import java.math.BigDecimal;
import java.util.List;

/** A unit's own score of one of its items, what it says of it, and its evidence (佐证材料). */
public record SelfAssessmentEntry(String itemId, BigDecimal score, String narrative, List<EvidenceRef> evidence) {
    public SelfAssessmentEntry {
        Require.id(itemId, "itemId");
        score = Scores.checked(score, "self-assessment score of item " + itemId);
        narrative = Require.text(narrative, "self-assessment narrative of item " + itemId, Limits.NARRATIVE);
        evidence = Require.atMost(evidence, "evidence", Limits.EVIDENCE_FILES);
    }
}
