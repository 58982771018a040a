package org.duban.api.evaluation;

/** Calibration is finished; the results wait to be published. */
public record CalibrationFinished(String roundId, String planId) {
}
