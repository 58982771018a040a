package org.duban.api.supervision;

import org.duban.api.Require;

/** One supervision case with its timeline, answered as an optional {@link SupervisionCaseDetail}. */
public record FindSupervisionCase(String caseId) {
    public FindSupervisionCase {
        Require.id(caseId, "caseId");
    }
}
