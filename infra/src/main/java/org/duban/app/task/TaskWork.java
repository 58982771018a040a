package org.duban.app.task;

import org.duban.app.security.WorkAccess;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.ReportContent;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.FindTaskDetailAsOf;
import org.duban.api.task.TaskDetail;
import org.duban.api.task.TaskSummary;
import org.duban.api.task.UnitChange;
import org.duban.api.unit.UnitRef;
import org.duban.api.unit.UnitView;
import org.duban.app.reporting.evidence.EvidenceStore;
import org.duban.app.security.DubanUser;
import org.duban.app.unit.UnitDirectory;
import org.duban.app.web.NotFound;
import org.duban.app.web.Retries;
import org.duban.process.reporting.ProgressReporting;
import org.duban.process.steps.StepKind;
import org.duban.process.steps.WaitingStep;
import org.duban.process.steps.WaitingSteps;
import org.duban.process.task.TaskAssignment;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The daily work on a task, for the HTTP API and the pages alike: each step reads the task's view once to check who
 * acts ({@link WorkAccess}), verifies the evidence it cites, and gives one order to the workflow, which finds the
 * waiting step (or refuses, 409, as not waiting), sends the command and completes the step in the same transaction.
 * A user outside the task's units or supervisors gets a 403; either way nothing changes. Each step runs in a
 * transaction of its own that holds the task ({@link TaskLock}), so steps on one task follow each other: two
 * periods' reports of one task both succeed, a step completed meanwhile is refused as no longer waiting. A race the
 * lock does not cover (a timer of the task's process) runs the step again from the start ({@link Retries}).
 */
@Component
public class TaskWork {
    private final WorkAccess access;
    private final TaskAssignment assignment;
    private final ProgressReporting reporting;
    private final WaitingSteps waiting;
    private final EvidenceStore evidence;
    private final QueryGateway queries;
    private final Retries retries;
    private final TaskLock lock;

    TaskWork(WorkAccess access, TaskAssignment assignment, ProgressReporting reporting, WaitingSteps waiting,
             EvidenceStore evidence, QueryGateway queries, Retries retries, TaskLock lock) {
        this.access = access;
        this.assignment = assignment;
        this.reporting = reporting;
        this.waiting = waiting;
        this.evidence = evidence;
        this.queries = queries;
        this.retries = retries;
        this.lock = lock;
    }

    /** The steps a user may take on a task now, as the task page offers them. */
    public record Actions(boolean acknowledge, boolean confirmPart, String adjustmentToDecide,
                          List<String> contribute, List<String> write, List<String> review, List<String> urge,
                          List<String> remind) {
        public static final Actions NONE = new Actions(false, false, null, List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    public TaskDetail read(String taskId, DubanUser user) {
        TaskDetail detail = access.detail(taskId);
        access.requireReader(detail.summary(), user);
        return detail;
    }

    /** The task as it stood at a past moment, rebuilt from its events (404 if it did not exist yet). */
    public TaskDetail readAsOf(String taskId, Instant at, DubanUser user) {
        access.requireReader(access.task(taskId), user);
        return queries.query(new FindTaskDetailAsOf(taskId, at), ResponseTypes.optionalInstanceOf(TaskDetail.class))
                .join().orElseThrow(() -> new NotFound("task " + taskId + " did not exist yet at " + at));
    }

    /** Asks the workflow once what waits on the task, and offers the user what is theirs. */
    public Actions actions(TaskDetail detail, DubanUser user) {
        TaskSummary task = detail.summary();
        boolean lead = access.isLead(task, user);
        boolean co = access.isCoUnit(task, user);
        boolean supervisor = access.supervises(task, user);
        String unitId = WorkAccess.unitIdOf(user);
        Map<StepKind, Set<String>> periods = new EnumMap<>(StepKind.class);
        boolean acknowledge = false;
        boolean confirmPart = false;
        String adjustment = null;
        for (WaitingStep step : waiting.onTask(task.taskId())) {
            boolean own = unitId != null && unitId.equals(step.unitId());
            boolean mine = switch (step.kind()) {
                case ACKNOWLEDGE, WRITE_REPORT -> lead;
                case CONFIRM_PART, CONTRIBUTE -> co && own;
                case DECIDE_ADJUSTMENT, REVIEW_REPORT, HANDLE_ESCALATION -> supervisor;
                // the adjustment card of the task page offers the decision during execution; a plan's publication and
                // a supervision case's steps are never waiting on a task
                case APPROVE_PUBLICATION, DECIDE_DYNAMIC_ADJUSTMENT, ANSWER_NOTICE, ANSWER_LISTED_NOTICE,
                     CARRY_OUT_RECTIFICATION, VERIFY_RECTIFICATION, DECIDE_EXTENSION, SELF_ASSESS, SCORE_ROUND,
                     RECONCILE_SCORES, CALIBRATE_SCORES, PUBLISH_RESULTS, FOLLOW_UP_RESULTS -> false;
            };
            if (!mine) {
                continue;
            }
            switch (step.kind()) {
                case ACKNOWLEDGE -> acknowledge = true;
                case CONFIRM_PART -> confirmPart = true;
                case DECIDE_ADJUSTMENT -> adjustment = step.adjustmentId();
                default -> periods.computeIfAbsent(step.kind(), kind -> new HashSet<>()).add(step.period());
            }
        }
        List<String> urge = inReportOrder(detail, periods.get(StepKind.HANDLE_ESCALATION));
        Set<String> withUnit = new HashSet<>();
        if (supervisor) {
            detail.reports().stream().filter(report -> report.status().isWithUnit() && !urge.contains(report.periodKey()))
                    .forEach(report -> withUnit.add(report.periodKey()));
        }
        return new Actions(acknowledge, confirmPart, adjustment,
                inReportOrder(detail, periods.get(StepKind.CONTRIBUTE)),
                inReportOrder(detail, periods.get(StepKind.WRITE_REPORT)),
                inReportOrder(detail, periods.get(StepKind.REVIEW_REPORT)), urge, inReportOrder(detail, withUnit));
    }

    private static List<String> inReportOrder(TaskDetail detail, Set<String> periods) {
        return periods == null ? List.of() : detail.reports().stream().map(TaskDetail.Report::periodKey)
                .filter(periods::contains).toList();
    }

    public void acknowledge(String taskId, DubanUser user) {
        onTask(taskId, "the acknowledgement of task " + taskId, () -> {
            access.requireLead(access.task(taskId), user);
            assignment.acknowledge(taskId, WorkAccess.unitIdOf(user));
        });
    }

    /** A co-unit confirms it was told of its part (知悉). */
    public void confirmPart(String taskId, DubanUser user) {
        onTask(taskId, "the co-units' confirmations of task " + taskId, () -> {
            access.requireCoUnit(access.task(taskId), user);
            assignment.confirmPart(taskId, WorkAccess.unitIdOf(user));
        });
    }

    /** Answers the id of the adjustment asked for. */
    public String requestAdjustment(String taskId, AdjustmentKind kind, String proposal, String reason, DubanUser user) {
        return onTask(taskId, "the acknowledgement of task " + taskId, () -> {
            access.requireLead(access.task(taskId), user);
            return assignment.requestAdjustment(taskId, WorkAccess.unitIdOf(user), kind,
                    kind == AdjustmentKind.UNITS ? registered(proposal) : proposal, reason);
        });
    }

    /** A units proposal with every unit found in the registry (by name or alias), written with registered names. */
    private String registered(String proposal) {
        if (proposal == null || proposal.isBlank()) {
            throw new IllegalArgumentException("proposal is required: the new lead unit and co-units");
        }
        UnitChange change = UnitChange.parse(proposal);
        Map<String, UnitView> registry = UnitDirectory.byNameOrAlias(queries);
        Function<UnitRef, UnitRef> known = unit -> {
            UnitView found = registry.get(unit.name());
            if (found == null) {
                throw new IllegalArgumentException("proposal: unit \"" + unit.name() + "\" is not registered");
            }
            return UnitChange.ref(found.name());
        };
        return new UnitChange(known.apply(change.leadUnit()), change.coUnits().stream().map(known).toList()).text();
    }

    public void decide(String taskId, String adjustmentId, Boolean approved, String reason, DubanUser user) {
        onTask(taskId, "adjustment " + adjustmentId + " of task " + taskId, () -> {
            access.requireSupervisor(access.task(taskId), user);
            if (approved == null) {
                throw new IllegalArgumentException("field approved is required (true or false)");
            }
            if (!assignment.decide(taskId, adjustmentId, approved, reason)) {
                throw new NotFound("adjustment " + adjustmentId + " of task " + taskId + " is not waiting for a decision");
            }
        });
    }

    public void contribute(String taskId, String period, String text, List<EvidenceRef> refs, DubanUser user) {
        onTask(taskId, report(taskId, period), () -> {
            access.requireCoUnit(access.task(taskId), user);
            reporting.contribute(taskId, period, WorkAccess.unitIdOf(user), text, evidence.verify(refs, taskId, user));
        });
    }

    public void draft(String taskId, String period, ReportContent content, DubanUser user) {
        draft(taskId, period, content, List.of(), user);
    }

    /**
     * @param keptEvidence ids of files cited by the report as last saved or submitted that the unit keeps citing;
     *                     they go before the content's own evidence
     */
    public void draft(String taskId, String period, ReportContent content, List<String> keptEvidence, DubanUser user) {
        onTask(taskId, report(taskId, period), () -> reporting.draft(taskId, period, WorkAccess.unitIdOf(user),
                asLead(taskId, period, content, keptEvidence, user)));
    }

    public void submit(String taskId, String period, ReportContent content, DubanUser user) {
        submit(taskId, period, content, List.of(), user);
    }

    /** @param keptEvidence as for {@link #draft(String, String, ReportContent, List, DubanUser)} */
    public void submit(String taskId, String period, ReportContent content, List<String> keptEvidence, DubanUser user) {
        onTask(taskId, report(taskId, period), () -> submitting(taskId, period, content, keptEvidence, user));
    }

    private void submitting(String taskId, String period, ReportContent content, List<String> keptEvidence,
                            DubanUser user) {
        reporting.submit(taskId, period, WorkAccess.unitIdOf(user), asLead(taskId, period, content, keptEvidence, user));
    }

    /**
     * Submits and answers the task as it then stands, read in the submission's own transaction: the report, its views
     * and the answer take one commit, not one for the step and another for reading it back.
     */
    public TaskDetail submitAndRead(String taskId, String period, ReportContent content, DubanUser user) {
        return onTask(taskId, report(taskId, period), () -> {
            submitting(taskId, period, content, List.of(), user);
            return read(taskId, user);
        });
    }

    /** Checks that the user's unit leads the task and gives the content as recorded, reading the task's view once. */
    private ReportContent asLead(String taskId, String period, ReportContent content, List<String> keptEvidence,
                                 DubanUser user) {
        if (keptEvidence.isEmpty()) {
            access.requireLead(access.task(taskId), user);
            return verified(taskId, content, user);
        }
        TaskDetail detail = access.detail(taskId);
        access.requireLead(detail.summary(), user);
        if (content == null) {
            throw new IllegalArgumentException("the report content is required");
        }
        List<EvidenceRef> evidence = new ArrayList<>(detail.reports().stream()
                .filter(report -> report.periodKey().equals(period)).findFirst().map(TaskWork::lastWritten)
                .map(ReportContent::evidence).orElse(List.of()).stream()
                .filter(ref -> keptEvidence.contains(ref.evidenceId())).toList());
        evidence.addAll(content.evidence());
        return verified(taskId, new ReportContent(content.narrative(), content.status(), content.percent(),
                content.indicatorValues(), content.difficulties(), content.nextSteps(), evidence), user);
    }

    /** What the unit last wrote for a period: the saved draft, else the last submitted round, else nothing. */
    static ReportContent lastWritten(TaskDetail.Report report) {
        if (report.draft() != null) {
            return report.draft();
        }
        return report.rounds().isEmpty() ? null : report.rounds().get(report.rounds().size() - 1).content();
    }

    public void review(String taskId, String period, Boolean accepted, String reason, DubanUser user) {
        onTask(taskId, report(taskId, period), () -> {
            access.requireSupervisor(access.task(taskId), user);
            if (accepted == null) {
                throw new IllegalArgumentException("field accepted is required (true or false)");
            }
            reporting.review(taskId, period, accepted, reason);
        });
    }

    /**
     * A supervisor reminds the lead unit of a report still with it (催办), with a note, before or after its due
     * date; the workflow records an escalated report's reminder as the handling of its escalation.
     */
    public void remind(String taskId, String period, String note, DubanUser user) {
        onTask(taskId, report(taskId, period), () -> {
            access.requireSupervisor(access.task(taskId), user);
            reporting.remind(taskId, period, note);
        });
    }

    private <T> T onTask(String taskId, String what, Supplier<T> step) {
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
}
