package org.duban.api.supervision;

/** The supervisor verified the rectification and closed the case (销号). */
public record SupervisionCaseClosedOut(String caseId, String planId, String unitId, String comment) {
}
