package org.duban.api.unit;

/** Answered with every {@link UnitView} of the registry, by name. */
public record ListUnits() {
}
