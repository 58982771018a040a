package org.duban.api.supervision;

import java.time.LocalDate;

/** The unit asked, before its deadline, for more time (延期申请) until {@code until}. */
public record CaseExtensionRequested(String caseId, String planId, String unitId, String extensionId, LocalDate until,
                                     String reason) {
}
