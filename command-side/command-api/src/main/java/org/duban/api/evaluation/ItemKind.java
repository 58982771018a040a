package org.duban.api.evaluation;

/** What a scored item of a round is: a task or an indicator of the plan. */
public enum ItemKind {
    TASK,
    INDICATOR
}
