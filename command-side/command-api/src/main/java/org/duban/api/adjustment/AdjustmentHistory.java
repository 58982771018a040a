package org.duban.api.adjustment;

import org.duban.api.task.AdjustmentKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What was adjusted (动态调整), versioned: for each task or indicator its original values and every adjustment asked
 * for, oldest first — approved ones with the value before and after and from when it is in force, refused ones, and
 * one still waiting.
 */
public record AdjustmentHistory(List<Subject> subjects) {

    /** A task or an indicator. */
    public enum SubjectKind { TASK, INDICATOR }

    /** Approved, refused, or (absent) still waiting. */
    public enum Outcome { APPROVED, REJECTED }

    /**
     * @param originalText    a task's text as created
     * @param originalDueDate a task's due date as created, or absent
     * @param originalUnits   a task's units as created (牵头单位：…；配合单位：…)
     * @param originalTarget  an indicator's target as defined, as written
     */
    public record Subject(SubjectKind kind, String subjectId, String planId, String originalText,
                          LocalDate originalDueDate, String originalUnits, String originalTarget,
                          List<Entry> entries) {

        /** The adjustment waiting for a decision, or null. */
        public Entry pending() {
            return entries.stream().filter(Entry::isPending).findFirst().orElse(null);
        }
    }

    /**
     * One adjustment.
     *
     * @param proposal       what was asked for, as written
     * @param previousValue  the value in force before it (known once approved; for a target, when asked)
     * @param adjustedValue  the value in force after it, when approved
     * @param requestedUnit  the unit that asked (or the supervisor's office)
     * @param inForceFrom    when the adjusted value came into force
     * @param approvalDocument the approving body's document, for a binding indicator's target
     */
    public record Entry(String adjustmentId, AdjustmentKind kind, String proposal, String previousValue,
                        String adjustedValue, String reason, String requestedBy, String requestedUnit,
                        Instant requestedAt, Outcome outcome, String decisionReason, String approvalDocument,
                        String decidedBy, Instant decidedAt, Instant inForceFrom) {

        public boolean isPending() {
            return outcome == null;
        }

        public boolean isApproved() {
            return outcome == Outcome.APPROVED;
        }
    }

    /** The subject of the given id, if it is in this history. */
    public Subject subject(String subjectId) {
        return subjects.stream().filter(subject -> subject.subjectId().equals(subjectId)).findFirst().orElse(null);
    }
}
