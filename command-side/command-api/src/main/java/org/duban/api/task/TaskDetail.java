package org.duban.api.task;

import org.duban.api.audit.AuditEntry;
import org.duban.api.reporting.ContributionEnd;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportStatus;
import org.duban.api.unit.UnitRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything the task page shows: the task, its periods' reports with every round, adjustments, timeline, and how
 * each co-unit's confirmation of its part stands.
 *
 * @param confirmations one for each co-unit of the task, in the task's order
 */
public record TaskDetail(TaskSummary summary, String sectionHeading, List<Report> reports,
                         List<Adjustment> adjustments, List<TimelineEntry> timeline, List<Confirmation> confirmations) {

    /**
     * @param contributions       the contributions the co-units gave
     * @param closedContributions the co-units whose contribution ended without one, and why
     */
    public record Report(String periodKey, LocalDate start, LocalDate end, LocalDate dueOn, LocalDate overdueOn,
                         ReportStatus status, int round, boolean overdue, boolean escalated, int reminders,
                         ReportContent draft, List<Round> rounds, List<Contribution> contributions,
                         List<ClosedContribution> closedContributions) {
    }

    /** A co-unit's contribution that ended without being given: the report was accepted, the period or the task closed. */
    public record ClosedContribution(String unitId, ContributionEnd cause, Instant closedAt) {
    }

    /**
     * A co-unit's confirmation of its part (知悉), due by the task's {@code acknowledgeBy}.
     *
     * @param outcome   CONFIRMED, EXPIRED (not confirmed by the due date; it cannot be any more), or null while waiting
     * @param decidedBy the user who confirmed; null for an expiry, which the system records
     * @param decidedAt when it was confirmed or expired
     */
    public record Confirmation(UnitRef unit, String outcome, String decidedBy, Instant decidedAt) {
    }

    /** @param outcome ACCEPTED, RETURNED, or null while waiting for review */
    public record Round(int round, ReportContent content, String submittedBy, Instant submittedAt, String outcome,
                        String reason, String decidedBy, Instant decidedAt) {
    }

    public record Contribution(String unitId, String text, List<EvidenceRef> evidence, String submittedBy,
                               Instant submittedAt) {
    }

    /** @param outcome APPROVED, REJECTED, or null while pending */
    public record Adjustment(String adjustmentId, AdjustmentKind kind, String proposal, String reason,
                             String requestedBy, Instant requestedAt, String outcome, String decisionReason,
                             String decidedBy, Instant decidedAt) {
    }

    /**
     * One event of the task: what, when, who (user, unit, role), why, and through which process step;
     * {@code summary} lists the fields it set, before → after, a line each, and {@code changes} holds them one by one;
     * {@code periodKey} is the reporting period the event is about, if any.
     */
    public record TimelineEntry(String eventType, Instant occurredAt, String actorUser, String actorUnit,
                                String actorRole, String reason, String processInstanceId, String userTaskId,
                                String summary, List<AuditEntry.Change> changes, String periodKey) {
    }
}
