package org.duban.api.adjustment;

import org.duban.api.Require;

/**
 * The adjustment history of one task, one indicator, or every task and indicator of a plan: exactly one id is given.
 * Answered with an {@link AdjustmentHistory}.
 */
public record FindAdjustmentHistory(String taskId, String indicatorId, String planId) {
    public FindAdjustmentHistory {
        int given = (taskId == null ? 0 : 1) + (indicatorId == null ? 0 : 1) + (planId == null ? 0 : 1);
        if (given != 1) {
            throw new IllegalArgumentException("an adjustment history is of one task, one indicator or one plan");
        }
        taskId = taskId == null ? null : Require.id(taskId, "taskId");
        indicatorId = indicatorId == null ? null : Require.id(indicatorId, "indicatorId");
        planId = planId == null ? null : Require.id(planId, "planId");
    }

    public static FindAdjustmentHistory ofTask(String taskId) {
        return new FindAdjustmentHistory(taskId, null, null);
    }

    public static FindAdjustmentHistory ofIndicator(String indicatorId) {
        return new FindAdjustmentHistory(null, indicatorId, null);
    }

    public static FindAdjustmentHistory ofPlan(String planId) {
        return new FindAdjustmentHistory(null, null, planId);
    }
}
