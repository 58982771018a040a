package org.duban.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;
import org.duban.api.reporting.EvidenceRef;

import java.util.List;

/** The named unit reports what it did, with its evidence (佐证材料), for the supervisors to verify. */
public record SubmitRectificationResult(@TargetAggregateIdentifier String caseId, String unitId, String result,
                                        List<EvidenceRef> evidence) {
    public SubmitRectificationResult {
        Require.id(caseId, "caseId");
        Require.id(unitId, "unitId");
        result = Require.text(result, "result", Limits.NARRATIVE);
        evidence = Require.atMost(evidence, "evidence", Limits.EVIDENCE_FILES);
    }
}
