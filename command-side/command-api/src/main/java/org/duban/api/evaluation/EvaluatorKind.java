package org.duban.api.evaluation;

/** Who scores: the supervising office's own staff, or a third-party evaluator (第三方评估机构) commissioned for the round. */
public enum EvaluatorKind {
    SUPERVISOR_STAFF,
    THIRD_PARTY
}
