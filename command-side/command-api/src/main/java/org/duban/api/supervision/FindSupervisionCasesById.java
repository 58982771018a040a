package org.duban.api.supervision;

import java.util.List;

/** The supervision cases of these ids that exist, for the inboxes; answered as a list of {@link SupervisionCaseView}. */
public record FindSupervisionCasesById(List<String> caseIds) {
    public FindSupervisionCasesById {
        caseIds = List.copyOf(caseIds);
    }
}
