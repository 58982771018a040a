package org.duban.api.unit;

/** Answered with the {@link UnitTasks} of one registered unit. */
public record FindUnitTasks(String unitId) {
}
