package org.duban.api.reporting;

/**
 * What waits on a unit as the lead of its tasks: tasks to acknowledge, reports to write, returned or overdue, and the
 * nearest deadlines; answers a {@link UnitProgress}.
 *
 * @param deadlines how many of the nearest deadlines to list
 */
public record FindUnitProgress(String unitId, int deadlines) {
}
