package org.duban.api.supervision;

/** The supervisor refused the extension; the deadline stays. */
public record CaseExtensionRefused(String caseId, String planId, String extensionId, String reason) {
}
