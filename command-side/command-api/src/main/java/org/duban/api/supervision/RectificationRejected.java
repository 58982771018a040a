package org.duban.api.supervision;

/** The supervisor sent the result back (退办); the unit rectifies further and submits again. */
public record RectificationRejected(String caseId, String planId, String unitId, String reason) {
}
