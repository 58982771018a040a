package org.duban.api.plan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of the plan list: a plan's metadata and lifecycle status, with who created it and which supervising unit
 * (督查室) published it and oversees its execution.
 */
public record PlanSummary(String planId, String title, String documentNumber, String issuer,
                          LocalDate issueDate, int startYear, int endYear, String parentPlanId, PlanStatus status,
                          String createdBy, String createdByUnit, Instant createdAt, Instant updatedAt,
                          String supervisingUnit) {
}
