package org.duban.command.task;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.task.ChangeTaskSupervision;
import org.duban.api.task.TaskSupervisionChanged;
import org.duban.command.OfficeAuthority;
import org.duban.api.reporting.AcceptReport;
import org.duban.api.reporting.ContributionSubmitted;
import org.duban.api.reporting.DraftReport;
import org.duban.api.reporting.MarkReportOverdue;
import org.duban.api.reporting.OpenReportingPeriod;
import org.duban.api.reporting.RemindReport;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportDrafted;
import org.duban.api.reporting.ReportEscalated;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportReminded;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.reporting.ReportStatus;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.reporting.ReturnReport;
import org.duban.api.reporting.SubmitContribution;
import org.duban.api.reporting.SubmitReport;
import org.duban.api.task.AcknowledgeTask;
import org.duban.api.task.CoUnitPartConfirmed;
import org.duban.api.task.ConfirmCoUnitPart;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.ApproveTaskAdjustment;
import org.duban.api.task.AssignTask;
import org.duban.api.task.CloseTask;
import org.duban.api.task.CreateTask;
import org.duban.api.task.RejectTaskAdjustment;
import org.duban.api.task.RequestTaskAdjustment;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskAdjustmentApproved;
import org.duban.api.task.TaskAdjustmentRejected;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.api.task.TaskAssigned;
import org.duban.api.task.TaskClosed;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskStatus;
import org.duban.api.task.TaskUnitsChanged;
import org.duban.api.task.UnitChange;
import org.duban.api.unit.UnitRef;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One concrete, assignable task of a plan with the reports of its periods. Kept to one task so that units working
 * on different tasks never contend; a task's reports live here because their rules depend on the task (who leads,
 * whether it is closed).
 */
@Aggregate
class Task {

    @AggregateIdentifier
    private String taskId;
    private String planId;
    private org.duban.api.plan.PlanPeriod planPeriod;
    private String office;
    private UnitRef leadUnit;
    private List<UnitRef> coUnits;
    private TaskStatus status;
    private String pendingAdjustmentId;
    private AdjustmentKind adjustmentKind;
    private String adjustmentProposal;
    private final Map<String, Report> reports = new HashMap<>();
    private final java.util.Set<String> confirmedCoUnits = new java.util.HashSet<>();

    /** What the aggregate must remember of one period's report to guard the next step. */
    private static final class Report {
        ReportStatus status = ReportStatus.OPEN;
        int round;
        boolean overdue;
        boolean escalated;
        LocalDate dueOn;
        LocalDate overdueOn;

        // value equality lets the test fixture compare state rebuilt from events with state after handling
        @Override
        public boolean equals(Object other) {
            return other instanceof Report that && status == that.status && round == that.round
                    && overdue == that.overdue && escalated == that.escalated
                    && java.util.Objects.equals(dueOn, that.dueOn) && java.util.Objects.equals(overdueOn, that.overdueOn);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(status, round, overdue, escalated, dueOn, overdueOn);
        }
    }

    protected Task() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    void handle(CreateTask command) {
        apply(new TaskCreated(command.taskId(), command.planId(), command.sectionId(), command.number(),
                command.code(), command.text(), command.leadUnit(), command.coUnits(), command.dueDate(), command.remark(),
                command.planPeriod(), command.supervisingOffice()));
    }

    @CommandHandler
    void handle(ChangeTaskSupervision command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role) {
        OfficeAuthority.requireAdmin(role, "hand a task to another office");
        if (!command.office().equals(office)) {
            apply(new TaskSupervisionChanged(taskId, planId, command.office()));
        }
    }

    // --- assignment -----------------------------------------------------------------------------------------

    @CommandHandler
    void handle(AssignTask command) {
        refuseIfClosed();
        if (status != TaskStatus.CREATED) {
            throw new CommandRefused("task.assigned", "task " + taskId + " is already assigned");
        }
        apply(new TaskAssigned(taskId, planId, leadUnit, coUnits, command.acknowledgeBy()));
    }

    @CommandHandler
    void handle(AcknowledgeTask command) {
        refuseIfClosed();
        requireLead(command.unitId());
        if (status == TaskStatus.ADJUSTMENT_REQUESTED) {
            throw new CommandRefused("task.adjustment-pending",
                    "task " + taskId + " waits for a decision on the adjustment its unit asked for");
        }
        if (status != TaskStatus.ASSIGNED) {
            throw new CommandRefused("task.not-assigned", "task " + taskId + " is " + status + ", not waiting for acknowledgement");
        }
        apply(new TaskAcknowledged(taskId, command.unitId()));
    }

    @CommandHandler
    void handle(ConfirmCoUnitPart command) {
        refuseIfClosed();
        requireCoUnit(command.unitId());
        if (status == TaskStatus.CREATED) {
            throw new CommandRefused("task.not-assigned", "task " + taskId + " is not assigned yet");
        }
        if (confirmedCoUnits.contains(command.unitId())) {
            throw new CommandRefused("task.part-confirmed", "unit " + command.unitId()
                    + " has already confirmed its part in task " + taskId);
        }
        apply(new CoUnitPartConfirmed(taskId, command.unitId()));
    }

    @CommandHandler
    void handle(RequestTaskAdjustment command) {
        refuseIfClosed();
        requireLead(command.unitId());
        if (status != TaskStatus.ASSIGNED) {
            throw new CommandRefused("task.not-assigned", "an adjustment can be asked for only before acknowledging; task "
                    + taskId + " is " + status);
        }
        if (command.kind() == AdjustmentKind.DUE_DATE && planPeriod != null) {
            LocalDate proposed = LocalDate.parse(command.proposal());
            if (proposed.getYear() < planPeriod.startYear() || proposed.getYear() > planPeriod.endYear()) {
                throw new CommandRefused("task.due-date-outside", "the due date " + proposed
                        + " is outside the plan's years " + planPeriod);
            }
        }
        apply(new TaskAdjustmentRequested(taskId, command.unitId(), command.adjustmentId(), command.kind(),
                command.proposal(), command.reason()));
    }

    /** Answers the id of the lead unit after the adjustment, which the acknowledgement then goes to. */
    @CommandHandler
    String handle(ApproveTaskAdjustment command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "decide on adjustments of task " + taskId);
        requirePendingAdjustment(command.adjustmentId());
        AdjustmentKind kind = adjustmentKind;
        String proposal = adjustmentProposal;
        apply(new TaskAdjustmentApproved(taskId, command.adjustmentId(), kind, proposal, command.reason()));
        if (kind == AdjustmentKind.UNITS) {
            UnitChange change = UnitChange.parse(proposal);
            apply(new TaskUnitsChanged(taskId, planId, command.adjustmentId(), change.leadUnit(), change.coUnits()));
        }
        return leadUnit.unitId();
    }

    @CommandHandler
    void handle(RejectTaskAdjustment command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "decide on adjustments of task " + taskId);
        requirePendingAdjustment(command.adjustmentId());
        apply(new TaskAdjustmentRejected(taskId, command.adjustmentId(), command.reason()));
    }

    @CommandHandler
    void handle(CloseTask command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "close task " + taskId);
        refuseIfClosed();
        apply(new TaskClosed(taskId, command.reason()));
    }

    // --- reports --------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(OpenReportingPeriod command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "open reports of task " + taskId);
        refuseIfClosed();
        if (status != TaskStatus.ACKNOWLEDGED) {
            throw new CommandRefused("task.not-acknowledged", "task " + taskId + " is " + status
                    + "; reports are opened for acknowledged tasks");
        }
        if (planPeriod != null && (command.period().start().getYear() < planPeriod.startYear()
                || command.period().end().getYear() > planPeriod.endYear())) {
            throw new CommandRefused("report.period-outside", "period " + command.period().key()
                    + " is outside the plan's years " + planPeriod);
        }
        if (reports.containsKey(command.period().key())) {
            throw new CommandRefused("report.period-open", "task " + taskId + " already has a report for " + command.period().key());
        }
        apply(new ReportingPeriodOpened(taskId, planId, command.period(), command.dueOn(), command.overdueOn(),
                leadUnit, coUnits));
    }

    @CommandHandler
    void handle(SubmitContribution command) {
        refuseIfClosed();
        Report report = report(command.periodKey());
        requireCoUnit(command.unitId());
        if (report.status == ReportStatus.ACCEPTED) {
            throw new CommandRefused("report.accepted", "the " + command.periodKey() + " report of task " + taskId
                    + " is already accepted");
        }
        apply(new ContributionSubmitted(taskId, command.periodKey(), command.unitId(), command.text(), command.evidence()));
    }

    @CommandHandler
    void handle(DraftReport command) {
        writable(command.periodKey(), command.unitId());
        apply(new ReportDrafted(taskId, command.periodKey(), command.unitId(), command.content()));
    }

    @CommandHandler
    void handle(SubmitReport command) {
        Report report = writable(command.periodKey(), command.unitId());
        apply(new ReportSubmitted(taskId, command.periodKey(), command.unitId(), report.round + 1, command.content()));
    }

    @CommandHandler
    void handle(ReturnReport command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "review the reports of task " + taskId);
        Report report = submitted(command.periodKey());
        apply(new ReportReturned(taskId, command.periodKey(), report.round, command.reason()));
    }

    @CommandHandler
    void handle(AcceptReport command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "review the reports of task " + taskId);
        Report report = submitted(command.periodKey());
        apply(new ReportAccepted(taskId, command.periodKey(), report.round, command.comment()));
    }

    /** Reminders come from timers too: on a report already in the supervisor's hands they do nothing. */
    @CommandHandler
    boolean handle(RemindReport command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "remind the unit of task " + taskId);
        Report report = report(command.periodKey());
        if (status == TaskStatus.CLOSED || report.status == ReportStatus.SUBMITTED || report.status == ReportStatus.ACCEPTED) {
            return false;
        }
        apply(new ReportReminded(taskId, command.periodKey(), report.dueOn, command.note()));
        return true;
    }

    /** Answers whether the report was marked: not when it was submitted in time, or is already overdue. */
    @CommandHandler
    boolean handle(MarkReportOverdue command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "mark the reports of task " + taskId + " overdue");
        Report report = report(command.periodKey());
        if (status == TaskStatus.CLOSED || report.overdue || report.status == ReportStatus.SUBMITTED
                || report.status == ReportStatus.ACCEPTED) {
            return false;
        }
        apply(new ReportMarkedOverdue(taskId, command.periodKey(), report.overdueOn));
        // an overdue report goes to the supervisors' inbox at once (升级督办)
        apply(new ReportEscalated(taskId, command.periodKey()));
        return true;
    }

    // --- guards ---------------------------------------------------------------------------------------------

    private void refuseIfClosed() {
        if (status == TaskStatus.CLOSED) {
            throw new CommandRefused("task.closed", "task " + taskId + " is closed");
        }
    }

    private void requireCoUnit(String unitId) {
        if (coUnits.stream().noneMatch(unit -> unit.unitId().equals(unitId))) {
            throw new CommandRefused("report.not-co-unit", "unit " + unitId + " is not a co-unit of task " + taskId);
        }
    }

    private void requireLead(String unitId) {
        if (!leadUnit.unitId().equals(unitId)) {
            throw new CommandRefused("task.not-lead-unit", "task " + taskId + " is led by " + leadUnit.name()
                    + ", not by unit " + unitId);
        }
    }

    private void requirePendingAdjustment(String adjustmentId) {
        refuseIfClosed();
        if (pendingAdjustmentId == null || !pendingAdjustmentId.equals(adjustmentId)) {
            throw new CommandRefused("task.no-such-adjustment", "task " + taskId + " has no pending adjustment " + adjustmentId);
        }
    }

    private Report report(String periodKey) {
        Report report = reports.get(periodKey);
        if (report == null) {
            throw new CommandRefused("report.no-period", "task " + taskId + " has no report for period " + periodKey);
        }
        return report;
    }

    private Report writable(String periodKey, String unitId) {
        refuseIfClosed();
        requireLead(unitId);
        Report report = report(periodKey);
        if (report.status == ReportStatus.SUBMITTED || report.status == ReportStatus.ACCEPTED) {
            throw new CommandRefused("report.not-writable", "the " + periodKey + " report of task " + taskId + " is "
                    + report.status + " and cannot be changed by the unit");
        }
        return report;
    }

    private Report submitted(String periodKey) {
        refuseIfClosed();
        Report report = report(periodKey);
        if (report.status != ReportStatus.SUBMITTED) {
            throw new CommandRefused("report.not-submitted", "the " + periodKey + " report of task " + taskId + " is "
                    + report.status + ", not waiting for review");
        }
        return report;
    }

    // --- state ----------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(TaskCreated event) {
        taskId = event.taskId();
        planId = event.planId();
        planPeriod = event.planPeriod();
        office = event.supervisingOffice();
        leadUnit = event.leadUnit();
        coUnits = event.coUnits();
        status = TaskStatus.CREATED;
    }

    @EventSourcingHandler
    void on(TaskSupervisionChanged event) {
        office = event.office();
    }

    @EventSourcingHandler
    void on(TaskAssigned event) {
        status = TaskStatus.ASSIGNED;
    }

    @EventSourcingHandler
    void on(TaskUnitsChanged event) {
        leadUnit = event.leadUnit();
        coUnits = event.coUnits();
    }

    @EventSourcingHandler
    void on(CoUnitPartConfirmed event) {
        confirmedCoUnits.add(event.unitId());
    }

    @EventSourcingHandler
    void on(TaskAcknowledged event) {
        status = TaskStatus.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(TaskAdjustmentRequested event) {
        status = TaskStatus.ADJUSTMENT_REQUESTED;
        pendingAdjustmentId = event.adjustmentId();
        adjustmentKind = event.kind();
        adjustmentProposal = event.proposal();
    }

    @EventSourcingHandler
    void on(TaskAdjustmentApproved event) {
        adjustmentDecided();
    }

    @EventSourcingHandler
    void on(TaskAdjustmentRejected event) {
        adjustmentDecided();
    }

    private void adjustmentDecided() {
        status = TaskStatus.ASSIGNED;
        pendingAdjustmentId = null;
        adjustmentKind = null;
        adjustmentProposal = null;
    }

    @EventSourcingHandler
    void on(TaskClosed event) {
        status = TaskStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ReportingPeriodOpened event) {
        Report report = new Report();
        report.dueOn = event.dueOn();
        report.overdueOn = event.overdueOn();
        reports.put(event.period().key(), report);
    }

    @EventSourcingHandler
    void on(ReportDrafted event) {
        Report report = reports.get(event.periodKey());
        if (report.status == ReportStatus.OPEN) {
            report.status = ReportStatus.DRAFTED;
        }
    }

    @EventSourcingHandler
    void on(ReportSubmitted event) {
        Report report = reports.get(event.periodKey());
        report.status = ReportStatus.SUBMITTED;
        report.round = event.round();
    }

    @EventSourcingHandler
    void on(ReportReturned event) {
        reports.get(event.periodKey()).status = ReportStatus.RETURNED;
    }

    @EventSourcingHandler
    void on(ReportAccepted event) {
        reports.get(event.periodKey()).status = ReportStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(ReportMarkedOverdue event) {
        reports.get(event.periodKey()).overdue = true;
    }

    @EventSourcingHandler
    void on(ReportEscalated event) {
        reports.get(event.periodKey()).escalated = true;
    }
}
