package org.duban.api.supervision;

import org.duban.api.Require;

/**
 * What a supervision case is about: a task (and, when it concerns one report, its period) or an indicator.
 * Exactly one of {@code taskId} and {@code indicatorId} is given.
 */
public record SupervisedItem(String taskId, String periodKey, String indicatorId) {
    public SupervisedItem {
        taskId = taskId == null || taskId.isBlank() ? null : Require.id(taskId, "taskId");
        periodKey = periodKey == null || periodKey.isBlank() ? null : Require.id(periodKey, "periodKey");
        indicatorId = indicatorId == null || indicatorId.isBlank() ? null : Require.id(indicatorId, "indicatorId");
        if ((taskId == null) == (indicatorId == null)) {
            throw new IllegalArgumentException("a supervision case concerns either a task or an indicator");
        }
        if (periodKey != null && taskId == null) {
            throw new IllegalArgumentException("a period is named only with a task");
        }
    }

    public static SupervisedItem task(String taskId) {
        return new SupervisedItem(taskId, null, null);
    }

    public static SupervisedItem report(String taskId, String periodKey) {
        return new SupervisedItem(taskId, periodKey, null);
    }

    public static SupervisedItem indicator(String indicatorId) {
        return new SupervisedItem(null, null, indicatorId);
    }
}
