package org.duban.api.plan;

import java.time.Instant;

/** One row of the plan list: a plan's metadata and lifecycle status, with who created it. */
public record PlanSummary(String planId, String title, String documentNumber, String issuer,
                          int startYear, int endYear, PlanStatus status,
                          String createdBy, String createdByUnit, Instant createdAt, Instant updatedAt) {
}
