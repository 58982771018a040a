package org.duban.api.reporting;

/** A co-unit's contribution to the period's report ended without being given; {@code cause} says why. */
public record ContributionClosed(String taskId, String periodKey, String unitId, ContributionEnd cause) {
}
