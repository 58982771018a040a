package org.duban.api.supervision;

import org.duban.api.Require;

/** Answered with {@link OpenCaseGrades}: the grades of the plan's supervision cases not closed out, by task. */
public record FindOpenCaseGrades(String planId) {
    public FindOpenCaseGrades {
        Require.id(planId, "planId");
    }
}
