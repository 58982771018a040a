package org.duban.api.evaluation;

/** What an evaluation round is: 年度评估, 中期评估, 总结评估 or a special evaluation (专项评估). */
public enum RoundKind {
    ANNUAL,
    MID_TERM,
    FINAL,
    SPECIAL
}
