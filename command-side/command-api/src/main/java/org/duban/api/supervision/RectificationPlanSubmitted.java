package org.duban.api.supervision;

import java.time.LocalDate;

/** The unit answered the notice with what it will do (整改方案) and by when. */
public record RectificationPlanSubmitted(String caseId, String planId, String unitId, String plan, LocalDate deadline) {
}
