package org.duban.api.indicator;

/** A responsible unit or a supervisor asked to change the indicator's target (动态调整), with a reason. */
public record IndicatorAdjustmentRequested(String indicatorId, String planId, String unitId, String adjustmentId,
                                           Target currentTarget, Target proposedTarget, String reason) {
}
