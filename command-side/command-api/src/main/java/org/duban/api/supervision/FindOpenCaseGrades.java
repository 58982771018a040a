package org.duban.api.supervision;

import org.duban.api.Require;

/**
 * Answered with {@link OpenCaseGrades}: the plan's supervision cases about tasks, with their grades and whether they
 * are open.
 */
public record FindOpenCaseGrades(String planId) {
    public FindOpenCaseGrades {
        Require.id(planId, "planId");
    }
}
