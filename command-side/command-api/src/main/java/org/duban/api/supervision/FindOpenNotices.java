package org.duban.api.supervision;

import org.duban.api.Require;

import java.time.LocalDate;

/**
 * Answered with the {@link OpenNotice}s of a plan, of a unit, or of both, under the optional grade and age, the oldest
 * first. At least one of plan and unit is given.
 */
public record FindOpenNotices(String planId, String unitId, NoticeGrade grade, NoticeAge age, LocalDate asOf) {
    public FindOpenNotices {
        planId = planId == null || planId.isBlank() ? null : Require.id(planId, "planId");
        unitId = unitId == null || unitId.isBlank() ? null : Require.id(unitId, "unit");
        if (planId == null && unitId == null) {
            throw new IllegalArgumentException("planId or unit is required");
        }
        Require.present(asOf, "asOf");
    }
}
