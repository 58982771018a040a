package org.duban.api.evaluation;

import java.math.BigDecimal;

/** A supervisor calibrated an item's score (校准): the score before and after, and why. */
public record ItemScoreCalibrated(String roundId, String planId, String itemId, BigDecimal before, BigDecimal after,
                                  String reason) {
}
