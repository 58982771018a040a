package org.duban.api.supervision;

import org.duban.api.Require;

/** Answered with the {@link TaskStatuses} of the plan's assessed tasks, for the badges of the plan and task pages. */
public record FindTaskStatuses(String planId) {
    public FindTaskStatuses {
        planId = Require.id(planId, "planId");
    }
}
