package org.duban.api.evaluation;

/** Every divergent item is reconciled; calibration begins. */
public record ReconciliationCompleted(String roundId, String planId) {
}
