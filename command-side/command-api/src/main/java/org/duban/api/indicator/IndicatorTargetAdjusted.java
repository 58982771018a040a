package org.duban.api.indicator;

/**
 * The supervisor approved an adjustment: from this event on the target in force is {@code toTarget}; {@code fromTarget} stays in
 * the history, and assessments before it used it. {@code approvalDocument} (optional field) names the approving
 * body's document (批复文号), which a binding (约束性) indicator's adjustment requires.
 */
public record IndicatorTargetAdjusted(String indicatorId, String planId, String adjustmentId, Target fromTarget, Target toTarget,
                                      String reason, String approvalDocument) {

    /** An adjustment approved without an approving body's document (an expected indicator's). */
    public IndicatorTargetAdjusted(String indicatorId, String planId, String adjustmentId, Target fromTarget,
                                   Target toTarget, String reason) {
        this(indicatorId, planId, adjustmentId, fromTarget, toTarget, reason, null);
    }
}
