package org.duban.api.indicator;

/** The supervisor refused the adjustment; the target in force stays. */
public record IndicatorAdjustmentRejected(String indicatorId, String planId, String adjustmentId, String reason) {
}
