package org.duban.command.task;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.ForwardMatchingInstances;
import org.axonframework.spring.stereotype.Aggregate;
import org.duban.api.CommandRefused;
import org.duban.api.MetadataKeys;
import org.duban.api.Role;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.task.ChangeTaskSupervision;
import org.duban.api.task.TaskSupervisionChanged;
import org.duban.command.OfficeAuthority;
import org.duban.api.reporting.AcceptReport;
import org.duban.api.reporting.CloseContributions;
import org.duban.api.reporting.ContributionEnd;
import org.duban.api.reporting.DraftReport;
import org.duban.api.reporting.MarkReportOverdue;
import org.duban.api.reporting.OpenReportingPeriod;
import org.duban.api.reporting.RemindReport;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.reporting.ReturnReport;
import org.duban.api.reporting.SubmitContribution;
import org.duban.api.reporting.SubmitReport;
import org.duban.api.task.AcknowledgeTask;
import org.duban.api.task.CoUnitConfirmationExpired;
import org.duban.api.task.CoUnitPartConfirmed;
import org.duban.api.task.ExpireCoUnitConfirmations;
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
import org.duban.api.task.TaskDueDateAdjusted;
import org.duban.api.task.TaskTextAdjusted;
import org.duban.api.task.TaskAssigned;
import org.duban.api.task.TaskClosed;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskStatus;
import org.duban.api.task.TaskUnitsChanged;
import org.duban.api.task.UnitChange;
import org.duban.api.unit.UnitRef;

import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.supervision.AssessTaskStatus;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.TaskStatusChanged;
import org.duban.command.supervision.Judgement;
import org.duban.command.supervision.TaskSchedule;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One concrete, assignable task of a plan with the reports of its periods. Kept to one task so that units working
 * on different tasks never contend. Each period's report is an entity of the task ({@link Report}) with its own
 * course; the task checks its own rules (who leads, who supervises, whether it is closed) before a command reaches
 * the report, and only the report a command or event names sees it.
 */
@Aggregate
class Task {

    @AggregateIdentifier
    private String taskId;
    private String planId;
    private PlanPeriod planPeriod;
    private String text;
    /** the due date in force: the created one until an adjustment moves it */
    private LocalDate dueDate;
    private String office;
    private UnitRef leadUnit;
    private List<UnitRef> coUnits;
    private TaskStatus status;
    private String pendingAdjustmentId;
    private AdjustmentKind adjustmentKind;
    private String adjustmentProposal;
    private UnitChange adjustmentUnits;
    private LocalDate acknowledgeBy;
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, Report> reports = new HashMap<>();
    private final Set<String> confirmedCoUnits = new HashSet<>();
    private final Set<String> expiredCoUnits = new HashSet<>();
    // --- on-schedule status (supervision) ---
    private RagStatus scheduleStatus;
    private boolean reportAccepted;
    private Integer acceptedPercent;
    private boolean acceptedBehind;
    /** the percent (COMPLETED 100, NOT_STARTED 0) and whether behind, of each period's latest submitted round */
    private final Map<String, Integer> submittedPercent = new HashMap<>();
    private final Set<String> submittedBehind = new HashSet<>();
    /** periods whose report is overdue and still with the unit, and those returned and not yet submitted again */
    private final Set<String> overduePeriods = new HashSet<>();
    private final Set<String> returnedPeriods = new HashSet<>();

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
        if (expiredCoUnits.contains(command.unitId())) {
            throw new CommandRefused("task.confirmation-expired", "the time for unit " + command.unitId()
                    + " to confirm its part in task " + taskId + " ended on " + acknowledgeBy);
        }
        apply(new CoUnitPartConfirmed(taskId, command.unitId()));
    }

    /**
     * Answers whether any confirmation expired: every co-unit that has not confirmed its part by the task's
     * acknowledgement date gets the mark, once. Recorded on a closed task too, for the step it ends was still open.
     */
    @CommandHandler
    boolean handle(ExpireCoUnitConfirmations command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "end the co-units' confirmations of task " + taskId);
        if (status == TaskStatus.CREATED) {
            return false;
        }
        List<String> waiting = coUnits.stream().map(UnitRef::unitId)
                .filter(unitId -> !confirmedCoUnits.contains(unitId) && !expiredCoUnits.contains(unitId)).toList();
        waiting.forEach(unitId -> apply(new CoUnitConfirmationExpired(taskId, unitId, acknowledgeBy)));
        return !waiting.isEmpty();
    }

    /**
     * Before acknowledging, instead of it (the task waits in {@code ADJUSTMENT_REQUESTED}); during execution, beside
     * it (动态调整): the task stays {@code ACKNOWLEDGED} and reporting goes on while the adjustment waits. The request
     * is the lead unit's; a supervisor of the office may make it on the unit's behalf. One waits at a time.
     */
    @CommandHandler
    void handle(RequestTaskAdjustment command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        refuseIfClosed();
        requireLead(command.unitId());
        if (Role.SUPERVISOR.name().equals(role)) {
            OfficeAuthority.require(office, role, unit, "ask for an adjustment of task " + taskId);
        }
        if (pendingAdjustmentId != null) {
            throw new CommandRefused("task.adjustment-pending", "task " + taskId
                    + " already waits for a decision on adjustment " + pendingAdjustmentId);
        }
        if (status == TaskStatus.ACKNOWLEDGED) {
            requireAdjustableInExecution(command);
        } else if (status != TaskStatus.ASSIGNED) {
            throw new CommandRefused("task.not-assigned", "an adjustment can be asked for once the task is assigned; task "
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
                command.proposal(), command.units(), command.reason()));
    }

    /** During execution the text, the due date or the units change; a target is an indicator's, and nothing stays as it is. */
    private void requireAdjustableInExecution(RequestTaskAdjustment command) {
        boolean unchanged = switch (command.kind()) {
            case TEXT -> command.proposal().equals(text);
            case DUE_DATE -> LocalDate.parse(command.proposal()).equals(dueDate);
            case UNITS -> command.units().leadUnit().equals(leadUnit) && command.units().coUnits().equals(coUnits);
            case TARGET -> throw new CommandRefused("task.adjustment-kind", "a target is adjusted on its indicator, "
                    + "not on task " + taskId);
        };
        if (unchanged) {
            throw new CommandRefused("task.adjustment-unchanged", "task " + taskId + " already has what adjustment "
                    + command.adjustmentId() + " proposes");
        }
    }

    /** Answers the id of the lead unit after the adjustment, which the acknowledgement then goes to. */
    @CommandHandler
    String handle(ApproveTaskAdjustment command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "decide on adjustments of task " + taskId);
        requirePendingAdjustment(command.adjustmentId());
        AdjustmentKind kind = adjustmentKind;
        UnitChange change = adjustmentUnits;
        String proposal = adjustmentProposal;
        apply(new TaskAdjustmentApproved(taskId, command.adjustmentId(), kind, proposal, change,
                command.reason()));
        // the approved change applies at once, before acknowledging as during execution
        switch (kind) {
            case UNITS -> apply(new TaskUnitsChanged(taskId, planId, command.adjustmentId(), change.leadUnit(),
                    change.coUnits()));
            case TEXT -> apply(new TaskTextAdjusted(taskId, planId, command.adjustmentId(), text, proposal));
            case DUE_DATE -> apply(new TaskDueDateAdjusted(taskId, planId, command.adjustmentId(), dueDate,
                    LocalDate.parse(proposal)));
            case TARGET -> {
                // a task's target is stated by its indicators, which are adjusted on their own
            }
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
        // no report is taken any more, so neither is a contribution to one
        reports.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(report -> report.getValue().closeContributions(ContributionEnd.TASK_CLOSED));
    }

    // --- reports ---------------------------------------------------------------------------------------------

    /**
     * Answers whether it opened the period's report: not when there is nothing to open (the task is not
     * acknowledged yet, is closed, or has the period's report already). A period outside the plan's years is refused.
     */
    @CommandHandler
    boolean handle(OpenReportingPeriod command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "open reports of task " + taskId);
        if (planPeriod != null && (command.period().start().getYear() < planPeriod.startYear()
                || command.period().end().getYear() > planPeriod.endYear())) {
            throw new CommandRefused("report.period-outside", "period " + command.period().key()
                    + " is outside the plan's years " + planPeriod);
        }
        if (status != TaskStatus.ACKNOWLEDGED || reports.containsKey(command.period().key())) {
            return false;
        }
        apply(new ReportingPeriodOpened(taskId, planId, command.period(), command.dueOn(), command.overdueOn(),
                leadUnit, coUnits));
        return true;
    }

    // The rules of the task are checked here before a command reaches its period's report, which keeps the rules of
    // the report's own course.

    @CommandHandlerInterceptor
    void beforeContribution(SubmitContribution command) {
        refuseIfClosed();
        requireReport(command.periodKey());
        requireCoUnit(command.unitId());
    }

    /** A closed task's contributions ended when it was closed: the period's timer finds nothing to do. */
    @CommandHandlerInterceptor
    Object beforeClosingContributions(CloseContributions command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                                      @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit,
                                      InterceptorChain chain) throws Exception {
        OfficeAuthority.require(office, role, unit, "close the contributions of task " + taskId);
        requireReport(command.periodKey());
        if (status == TaskStatus.CLOSED) {
            return false;
        }
        return chain.proceed();
    }

    @CommandHandlerInterceptor
    void beforeDraft(DraftReport command) {
        beforeWriting(command.periodKey(), command.unitId());
    }

    @CommandHandlerInterceptor
    void beforeSubmission(SubmitReport command) {
        beforeWriting(command.periodKey(), command.unitId());
    }

    @CommandHandlerInterceptor
    void beforeReturn(ReturnReport command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                      @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        beforeReview(command.periodKey(), role, unit);
    }

    @CommandHandlerInterceptor
    void beforeAcceptance(AcceptReport command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                          @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        beforeReview(command.periodKey(), role, unit);
    }

    /** A person's reminder on a closed task is refused; a timer's does nothing. */
    @CommandHandlerInterceptor
    Object beforeReminder(RemindReport command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                          @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit,
                          InterceptorChain chain) throws Exception {
        OfficeAuthority.require(office, role, unit, "remind the unit of task " + taskId);
        requireReport(command.periodKey());
        if (status == TaskStatus.CLOSED && !OfficeAuthority.byPerson(role)) {
            return false;
        }
        refuseIfClosed();
        return chain.proceed();
    }

    @CommandHandlerInterceptor
    Object beforeOverdueMark(MarkReportOverdue command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                             @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit,
                             InterceptorChain chain) throws Exception {
        OfficeAuthority.require(office, role, unit, "mark the reports of task " + taskId + " overdue");
        requireReport(command.periodKey());
        if (status == TaskStatus.CLOSED) {
            return false;
        }
        return chain.proceed();
    }

    private void beforeWriting(String periodKey, String unitId) {
        refuseIfClosed();
        requireLead(unitId);
        requireReport(periodKey);
    }

    private void beforeReview(String periodKey, String role, String unit) {
        OfficeAuthority.require(office, role, unit, "review the reports of task " + taskId);
        refuseIfClosed();
        requireReport(periodKey);
    }

    // --- on-schedule status (序时进度) ----------------------------------------------------------------------

    /**
     * Answers whether the status changed. Only a task in execution (acknowledged) is judged: before, the assignment
     * has its own deadline and reminders; a closed task is not followed any more and keeps its last status.
     */
    @CommandHandler
    boolean handle(AssessTaskStatus command, @MetaDataValue(MetadataKeys.ACTOR_ROLE) String role,
                   @MetaDataValue(MetadataKeys.ACTOR_UNIT) String unit) {
        OfficeAuthority.require(office, role, unit, "assess the status of task " + taskId);
        if (status != TaskStatus.ACKNOWLEDGED) {
            return false;
        }
        Judgement judgement = schedule().judge(command.asOf(), command.openNotices(), command.rules());
        if (judgement.status() == scheduleStatus) {
            return false;
        }
        apply(new TaskStatusChanged(taskId, planId, leadUnit.unitId(), scheduleStatus, judgement.status(),
                judgement.rule(), judgement.figures(), command.asOf()));
        return true;
    }

    private TaskSchedule schedule() {
        // a task created before tasks knew the plan's years spans from the day it was to be acknowledged
        LocalDate spanStart = planPeriod != null ? LocalDate.of(planPeriod.startYear(), 1, 1) : acknowledgeBy;
        LocalDate spanEnd = dueDate != null ? dueDate
                : planPeriod != null ? LocalDate.of(planPeriod.endYear(), 12, 31) : null;
        return new TaskSchedule(spanStart, dueDate, spanEnd, reportAccepted, acceptedPercent, acceptedBehind,
                overduePeriods.size(), returnedPeriods.size());
    }

    private static Integer percentOf(ReportSubmitted event) {
        if (event.content().status() == CompletionStatus.COMPLETED) {
            return 100;
        }
        if (event.content().percent() == null && event.content().status() == CompletionStatus.NOT_STARTED) {
            return 0;
        }
        return event.content().percent();
    }

    @EventSourcingHandler
    void onSubmittedForSchedule(ReportSubmitted event) {
        submittedPercent.put(event.periodKey(), percentOf(event));
        if (event.content().status() == CompletionStatus.BEHIND_SCHEDULE) {
            submittedBehind.add(event.periodKey());
        } else {
            submittedBehind.remove(event.periodKey());
        }
        overduePeriods.remove(event.periodKey());
        returnedPeriods.remove(event.periodKey());
    }

    @EventSourcingHandler
    void onAcceptedForSchedule(ReportAccepted event) {
        reportAccepted = true;
        acceptedPercent = submittedPercent.get(event.periodKey());
        acceptedBehind = submittedBehind.contains(event.periodKey());
    }

    @EventSourcingHandler
    void onReturnedForSchedule(ReportReturned event) {
        returnedPeriods.add(event.periodKey());
    }

    @EventSourcingHandler
    void onOverdueForSchedule(ReportMarkedOverdue event) {
        overduePeriods.add(event.periodKey());
    }

    @EventSourcingHandler
    void on(TaskStatusChanged event) {
        scheduleStatus = event.toStatus();
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

    private void requireReport(String periodKey) {
        if (!reports.containsKey(periodKey)) {
            throw new CommandRefused("report.no-period", "task " + taskId + " has no report for period " + periodKey);
        }
    }

    // --- state ----------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(TaskCreated event) {
        taskId = event.taskId();
        planId = event.planId();
        planPeriod = event.planPeriod();
        text = event.text();
        dueDate = event.dueDate();
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
        acknowledgeBy = event.acknowledgeBy();
    }

    @EventSourcingHandler
    void on(TaskUnitsChanged event) {
        leadUnit = event.leadUnit();
        coUnits = event.coUnits();
    }

    @EventSourcingHandler
    void on(TaskTextAdjusted event) {
        text = event.toText();
    }

    @EventSourcingHandler
    void on(TaskDueDateAdjusted event) {
        dueDate = event.toDueDate();
    }

    @EventSourcingHandler
    void on(CoUnitPartConfirmed event) {
        confirmedCoUnits.add(event.unitId());
    }

    @EventSourcingHandler
    void on(CoUnitConfirmationExpired event) {
        expiredCoUnits.add(event.unitId());
    }

    @EventSourcingHandler
    void on(TaskAcknowledged event) {
        status = TaskStatus.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(TaskAdjustmentRequested event) {
        if (status == TaskStatus.ASSIGNED) {
            status = TaskStatus.ADJUSTMENT_REQUESTED;
        }
        pendingAdjustmentId = event.adjustmentId();
        adjustmentKind = event.kind();
        adjustmentProposal = event.proposal();
        adjustmentUnits = event.units();
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
        // before acknowledging the task waited for the decision; during execution it went on
        if (status == TaskStatus.ADJUSTMENT_REQUESTED) {
            status = TaskStatus.ASSIGNED;
        }
        pendingAdjustmentId = null;
        adjustmentKind = null;
        adjustmentProposal = null;
        adjustmentUnits = null;
    }

    @EventSourcingHandler
    void on(TaskClosed event) {
        status = TaskStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(ReportingPeriodOpened event) {
        reports.put(event.period().key(), new Report(event));
    }
}
