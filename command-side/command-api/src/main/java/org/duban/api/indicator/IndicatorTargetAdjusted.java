package org.duban.api.indicator;

/**
 * The supervisor approved an adjustment: from this event on the target in force is {@code toTarget}; {@code fromTarget} stays in
 * the history, and assessments before it used it.
 */
public record IndicatorTargetAdjusted(String indicatorId, String planId, String adjustmentId, Target fromTarget, Target toTarget,
                                      String reason) {
}
