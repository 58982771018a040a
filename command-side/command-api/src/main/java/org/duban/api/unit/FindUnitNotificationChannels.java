package org.duban.api.unit;

/** Answered with the unit's {@link UnitNotificationChannels}, empty when none were ever set. */
public record FindUnitNotificationChannels(String unitId) {
}
