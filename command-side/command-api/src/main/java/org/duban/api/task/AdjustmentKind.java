package org.duban.api.task;

/** What a lead unit asks to change about an assigned task. */
public enum AdjustmentKind {
    TEXT, DUE_DATE, TARGET, UNITS
}
