package org.duban.api.indicator;

/** Which way an indicator should move from its baseline to meet its target. */
public enum Direction {
    INCREASE,
    DECREASE,
    MAINTAIN,
    UNKNOWN;

    /** The way from the baseline to the target; unknown when there is no baseline value. */
    public static Direction between(Baseline baseline, Target target) {
        if (baseline == null || baseline.isMissing()) {
            return UNKNOWN;
        }
        if (target.low() != null && target.low().compareTo(baseline.value()) > 0) {
            return INCREASE;
        }
        if (target.high() != null && target.high().compareTo(baseline.value()) < 0) {
            return DECREASE;
        }
        return MAINTAIN;
    }
}
