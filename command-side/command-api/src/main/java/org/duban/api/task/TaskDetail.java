package org.duban.api.task;

import org.duban.api.audit.AuditEntry;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Everything the task page shows: the task, its periods' reports with every round, adjustments and timeline. */
public record TaskDetail(TaskSummary summary, String sectionHeading, List<Report> reports,
                         List<Adjustment> adjustments, List<TimelineEntry> timeline) {

    public record Report(String periodKey, LocalDate start, LocalDate end, LocalDate dueOn, LocalDate overdueOn,
                         ReportStatus status, int round, boolean overdue, boolean escalated, int reminders,
                         ReportContent draft, List<Round> rounds, List<Contribution> contributions) {
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
