package org.duban.api.supervision;

import java.time.LocalDate;

/** The supervisor granted the extension: the case's deadline is now {@code deadline}. */
public record CaseExtensionApproved(String caseId, String planId, String extensionId, LocalDate deadline,
                                    String reason) {
}
