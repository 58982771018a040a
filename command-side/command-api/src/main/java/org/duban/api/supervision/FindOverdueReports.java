package org.duban.api.supervision;

import org.duban.api.Require;

import java.time.LocalDate;

/**
 * Answered with the {@link OverdueReport}s of a plan, of a unit's tasks, or of both, the longest overdue first.
 * At least one of plan and unit is given.
 */
public record FindOverdueReports(String planId, String unitId, LocalDate asOf) {
    public FindOverdueReports {
        planId = planId == null || planId.isBlank() ? null : Require.id(planId, "planId");
        unitId = unitId == null || unitId.isBlank() ? null : Require.id(unitId, "unit");
        if (planId == null && unitId == null) {
            throw new IllegalArgumentException("planId or unit is required");
        }
        Require.present(asOf, "asOf");
    }
}
