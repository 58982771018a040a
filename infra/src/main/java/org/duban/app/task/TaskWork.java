package org.duban.app.task;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.task.Task;
import org.duban.api.CommandRefused;
import org.duban.api.reporting.DraftReport;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.RemindReport;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportStatus;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.FindTaskDetailAsOf;
import org.duban.api.task.UnitChange;
import org.duban.api.task.TaskDetail;
import org.duban.api.task.TaskSummary;
import org.duban.app.reporting.evidence.EvidenceStore;
import org.duban.app.security.DubanUser;
import org.duban.app.unit.UnitDirectory;
import org.duban.app.web.NotFound;
import org.duban.app.web.Retries;
import org.duban.process.reporting.ProgressReporting;
import org.duban.process.task.TaskAssignment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The daily work on a task, for the HTTP API and the pages alike: each step checks who acts, then completes the
 * waiting Camunda task, which sends the command in the same transaction. A step that is not waiting is refused
 * (409) and a user outside the task's units or supervisors gets a 403; either way nothing changes. Each step runs
 * in a transaction of its own that holds the task ({@link TaskLock}), so steps on one task follow each other: two
 * periods' reports of one task both succeed, a step completed meanwhile is refused as no longer waiting. A race the
 * lock does not cover (a timer of the task's process) runs the step again from the start ({@link Retries}).
 */
@Component
public class TaskWork {
    private final WorkAccess access;
    private final TaskAssignment assignment;
    private final ProgressReporting reporting;
    private final CommandGateway commands;
    private final EvidenceStore evidence;
    private final QueryGateway queries;
    private final Retries retries;
    private final TaskLock lock;

    TaskWork(WorkAccess access, TaskAssignment assignment, ProgressReporting reporting, CommandGateway commands,
             EvidenceStore evidence, QueryGateway queries, Retries retries, TaskLock lock) {
        this.queries = queries;
        this.retries = retries;
        this.lock = lock;
        this.access = access;
        this.assignment = assignment;
        this.reporting = reporting;
        this.commands = commands;
        this.evidence = evidence;
    }

    /** The steps a user may take on a task now, as the task page offers them. */
    public record Actions(boolean acknowledge, boolean confirmPart, String adjustmentToDecide,
                          List<String> contribute, List<String> write, List<String> review, List<String> urge,
                          List<String> remind) {
        public static final Actions NONE = new Actions(false, false, null, List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    public TaskDetail read(String taskId, DubanUser user) {
        access.requireReader(access.task(taskId), user);
        return access.detail(taskId);
    }

    /** The task as it stood at a past moment, rebuilt from its events (404 if it did not exist yet). */
    public TaskDetail readAsOf(String taskId, java.time.Instant at, DubanUser user) {
        access.requireReader(access.task(taskId), user);
        return queries.query(new FindTaskDetailAsOf(taskId, at), ResponseTypes.optionalInstanceOf(TaskDetail.class))
                .join().orElseThrow(() -> new NotFound("task " + taskId + " did not exist yet at " + at));
    }

    public Actions actions(TaskDetail detail, DubanUser user) {
        TaskSummary task = detail.summary();
        boolean lead = access.isLead(task, user);
        boolean co = access.isCoUnit(task, user);
        boolean supervisor = access.supervises(task, user);
        String unitId = WorkAccess.unitIdOf(user);
        List<String> contribute = new ArrayList<>();
        List<String> write = new ArrayList<>();
        List<String> review = new ArrayList<>();
        List<String> urge = new ArrayList<>();
        List<String> remind = new ArrayList<>();
        for (TaskDetail.Report report : detail.reports()) {
            String period = report.periodKey();
            if (co && reporting.open(task.taskId(), period, ProgressReporting.CONTRIBUTE, unitId).isPresent()) {
                contribute.add(period);
            }
            if (lead && reporting.open(task.taskId(), period, ProgressReporting.WRITE, null).isPresent()) {
                write.add(period);
            }
            if (supervisor && reporting.open(task.taskId(), period, ProgressReporting.REVIEW, null).isPresent()) {
                review.add(period);
            }
            if (supervisor && reporting.open(task.taskId(), period, ProgressReporting.ESCALATION, null).isPresent()) {
                urge.add(period);
            } else if (supervisor && withUnit(report.status())) {
                remind.add(period);
            }
        }
        String adjustment = supervisor ? assignment.open(task.taskId(), TaskAssignment.DECIDE)
                .map(assignment::adjustmentOf).orElse(null) : null;
        return new Actions(lead && assignment.open(task.taskId(), TaskAssignment.ACKNOWLEDGE).isPresent(),
                co && assignment.openConfirmation(task.taskId(), unitId).isPresent(), adjustment, contribute, write,
                review, urge, remind);
    }

    public void acknowledge(String taskId, DubanUser user) {
        onTask(taskId, "the acknowledgement of task " + taskId, () -> acknowledgeOnce(taskId, user));
    }

    private void acknowledgeOnce(String taskId, DubanUser user) {
        access.requireLead(access.task(taskId), user);
        assignment.acknowledge(step(assignment.open(taskId, TaskAssignment.ACKNOWLEDGE), "acknowledgement", taskId),
                WorkAccess.unitIdOf(user));
    }

    /** A co-unit confirms it was told of its part (知悉). */
    public void confirmPart(String taskId, DubanUser user) {
        onTask(taskId, "the co-units' confirmations of task " + taskId, () -> confirmPartOnce(taskId, user));
    }

    private void confirmPartOnce(String taskId, DubanUser user) {
        access.requireCoUnit(access.task(taskId), user);
        String unitId = WorkAccess.unitIdOf(user);
        assignment.confirmPart(step(assignment.openConfirmation(taskId, unitId),
                "confirmation of your unit's part", taskId));
    }

    /** Answers the id of the adjustment asked for. */
    public String requestAdjustment(String taskId, AdjustmentKind kind, String proposal, String reason, DubanUser user) {
        return onTask(taskId, "the acknowledgement of task " + taskId,
                () -> requestAdjustmentOnce(taskId, kind, proposal, reason, user));
    }

    private String requestAdjustmentOnce(String taskId, AdjustmentKind kind, String proposal, String reason,
                                         DubanUser user) {
        access.requireLead(access.task(taskId), user);
        Task step = step(assignment.open(taskId, TaskAssignment.ACKNOWLEDGE), "acknowledgement", taskId);
        return assignment.requestAdjustment(step, WorkAccess.unitIdOf(user), kind,
                kind == AdjustmentKind.UNITS ? registered(proposal) : proposal, reason);
    }

    /** A units proposal with every unit found in the registry (by name or alias), written with registered names. */
    private String registered(String proposal) {
        if (proposal == null || proposal.isBlank()) {
            throw new IllegalArgumentException("proposal is required: the new lead unit and co-units");
        }
        UnitChange change = UnitChange.parse(proposal);
        java.util.Map<String, org.duban.api.unit.UnitView> registry = UnitDirectory.byNameOrAlias(queries);
        java.util.function.Function<org.duban.api.unit.UnitRef, org.duban.api.unit.UnitRef> known = unit -> {
            org.duban.api.unit.UnitView found = registry.get(unit.name());
            if (found == null) {
                throw new IllegalArgumentException("proposal: unit \"" + unit.name() + "\" is not registered");
            }
            return UnitChange.ref(found.name());
        };
        return new UnitChange(known.apply(change.leadUnit()), change.coUnits().stream().map(known).toList()).text();
    }

    public void decide(String taskId, String adjustmentId, Boolean approved, String reason, DubanUser user) {
        onTask(taskId, "adjustment " + adjustmentId + " of task " + taskId,
                () -> decideOnce(taskId, adjustmentId, approved, reason, user));
    }

    private void decideOnce(String taskId, String adjustmentId, Boolean approved, String reason, DubanUser user) {
        access.requireSupervisor(access.task(taskId), user);
        if (approved == null) {
            throw new IllegalArgumentException("field approved is required (true or false)");
        }
        Task step = step(assignment.open(taskId, TaskAssignment.DECIDE), "adjustment decision", taskId);
        if (!adjustmentId.equals(assignment.adjustmentOf(step))) {
            throw new NotFound("adjustment " + adjustmentId + " of task " + taskId + " is not waiting for a decision");
        }
        assignment.decide(step, approved, reason);
    }

    public void contribute(String taskId, String period, String text, List<EvidenceRef> refs, DubanUser user) {
        onTask(taskId, report(taskId, period), () -> contributeOnce(taskId, period, text, refs, user));
    }

    private void contributeOnce(String taskId, String period, String text, List<EvidenceRef> refs, DubanUser user) {
        access.requireCoUnit(access.task(taskId), user);
        String unitId = WorkAccess.unitIdOf(user);
        reporting.contribute(step(reporting.open(taskId, period, ProgressReporting.CONTRIBUTE, unitId),
                "contribution of your unit for " + period, taskId), unitId, text, evidence.verify(refs, taskId, user));
    }

    public void draft(String taskId, String period, ReportContent content, DubanUser user) {
        onTask(taskId, report(taskId, period), () -> draftOnce(taskId, period, content, user));
    }

    private void draftOnce(String taskId, String period, ReportContent content, DubanUser user) {
        access.requireLead(access.task(taskId), user);
        commands.sendAndWait(new DraftReport(taskId, period, WorkAccess.unitIdOf(user), verified(taskId, content, user)));
    }

    public void submit(String taskId, String period, ReportContent content, DubanUser user) {
        onTask(taskId, report(taskId, period), () -> submitOnce(taskId, period, content, user));
    }

    private void submitOnce(String taskId, String period, ReportContent content, DubanUser user) {
        access.requireLead(access.task(taskId), user);
        reporting.submit(step(reporting.open(taskId, period, ProgressReporting.WRITE, null), "report for " + period,
                taskId), WorkAccess.unitIdOf(user), verified(taskId, content, user));
    }

    public void review(String taskId, String period, Boolean accepted, String reason, DubanUser user) {
        onTask(taskId, report(taskId, period), () -> reviewOnce(taskId, period, accepted, reason, user));
    }

    private void reviewOnce(String taskId, String period, Boolean accepted, String reason, DubanUser user) {
        access.requireSupervisor(access.task(taskId), user);
        if (accepted == null) {
            throw new IllegalArgumentException("field accepted is required (true or false)");
        }
        reporting.review(step(reporting.open(taskId, period, ProgressReporting.REVIEW, null), "review of " + period,
                taskId), accepted, reason);
    }

    public void urge(String taskId, String period, String note, DubanUser user) {
        onTask(taskId, report(taskId, period), () -> urgeOnce(taskId, period, note, user));
    }

    private void urgeOnce(String taskId, String period, String note, DubanUser user) {
        access.requireSupervisor(access.task(taskId), user);
        reporting.urge(step(reporting.open(taskId, period, ProgressReporting.ESCALATION, null),
                "escalation of " + period, taskId), note);
    }

    /**
     * A supervisor reminds the lead unit of a report still with it (催办), with a note, before or after its due
     * date; an escalated report is urged through its escalation step instead.
     */
    public void remind(String taskId, String period, String note, DubanUser user) {
        onTask(taskId, report(taskId, period), () -> remindOnce(taskId, period, note, user));
    }

    private void remindOnce(String taskId, String period, String note, DubanUser user) {
        access.requireSupervisor(access.task(taskId), user);
        if (!Boolean.TRUE.equals(commands.sendAndWait(new RemindReport(taskId, period, note)))) {
            throw new CommandRefused("report.not-with-unit", "the " + period + " report of task " + taskId
                    + " is not with the unit any more: nothing to remind");
        }
    }

    private <T> T onTask(String taskId, String what, java.util.function.Supplier<T> step) {
        return retries.attempt(what, () -> {
            lock.hold(taskId);
            return step.get();
        });
    }

    private void onTask(String taskId, String what, Runnable step) {
        onTask(taskId, what, () -> {
            step.run();
            return null;
        });
    }

    private static String report(String taskId, String period) {
        return "the " + period + " report of task " + taskId;
    }

    private static boolean withUnit(ReportStatus status) {
        return status == ReportStatus.OPEN || status == ReportStatus.DRAFTED || status == ReportStatus.RETURNED;
    }

    /**
     * The events carry the stored references: each names an uploaded file with its SHA-256 that the user's unit may
     * cite in this task, or the call is a 400.
     */
    private ReportContent verified(String taskId, ReportContent content, DubanUser user) {
        if (content == null) {
            throw new IllegalArgumentException("the report content is required");
        }
        return new ReportContent(content.narrative(), content.status(), content.percent(), content.indicatorValues(),
                content.difficulties(), content.nextSteps(), evidence.verify(content.evidence(), taskId, user));
    }

    private static Task step(Optional<Task> open, String what, String taskId) {
        return open.orElseThrow(() -> new CommandRefused("step.not-waiting",
                "no " + what + " of task " + taskId + " is waiting"));
    }
}
