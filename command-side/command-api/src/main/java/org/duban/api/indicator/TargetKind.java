package org.duban.api.indicator;

/** How a target is stated: 1 (exact), 13—15 (range), 不少于16 / ≥ (at least), 不高于 / ≤ (at most). */
public enum TargetKind {
    EXACT,
    RANGE,
    AT_LEAST,
    AT_MOST
}
