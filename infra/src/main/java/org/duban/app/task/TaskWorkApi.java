package org.duban.app.task;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.camunda.bpm.engine.task.Task;
import org.duban.api.reporting.DraftReport;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.ReportContent;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.TaskDetail;
import org.duban.api.task.TaskSummary;
import org.duban.app.reporting.evidence.EvidenceStore;
import org.duban.app.security.DubanUser;
import org.duban.app.web.NotFound;
import org.duban.process.reporting.ProgressReporting;
import org.duban.process.task.TaskAssignment;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The daily work on a task: acknowledge or ask for an adjustment, contribute, draft and submit a period's report,
 * review it, urge an overdue one. Each step completes the waiting Camunda task, which sends the command in the
 * same transaction; a refusal answers 409 and leaves the step open.
 */
@RestController
@RequestMapping("/api/tasks/{taskId}")
class TaskWorkApi {
    private final WorkAccess access;
    private final TaskAssignment assignment;
    private final ProgressReporting reporting;
    private final CommandGateway commands;
    private final EvidenceStore evidence;

    TaskWorkApi(WorkAccess access, TaskAssignment assignment, ProgressReporting reporting, CommandGateway commands,
                EvidenceStore evidence) {
        this.access = access;
        this.assignment = assignment;
        this.reporting = reporting;
        this.commands = commands;
        this.evidence = evidence;
    }

    /** The events carry the stored references: each names an uploaded file with its SHA-256, or the call is a 400. */
    private ReportContent verified(ReportContent content) {
        if (content == null) {
            throw new IllegalArgumentException("the report content is required");
        }
        return new ReportContent(content.narrative(), content.status(), content.percent(), content.indicatorValues(),
                content.difficulties(), content.nextSteps(), evidence.verify(content.evidence()));
    }

    record AdjustmentRequest(AdjustmentKind kind, String proposal, String reason) {
    }

    record AdjustmentRequested(String adjustmentId) {
    }

    record Decision(Boolean approved, String reason) {
    }

    record Review(Boolean accepted, String reason) {
    }

    record Contribution(String text, List<EvidenceRef> evidence) {
    }

    record Urging(String note) {
    }

    @GetMapping
    TaskDetail detail(@PathVariable String taskId, @AuthenticationPrincipal DubanUser user) {
        access.requireReader(access.task(taskId), user);
        return access.detail(taskId);
    }

    @PostMapping("/acknowledgement")
    TaskDetail acknowledge(@PathVariable String taskId, @AuthenticationPrincipal DubanUser user) {
        TaskSummary task = access.task(taskId);
        access.requireLead(task, user);
        assignment.acknowledge(step(assignment.open(taskId, TaskAssignment.ACKNOWLEDGE), "acknowledgement", taskId),
                WorkAccess.unitIdOf(user));
        return access.detail(taskId);
    }

    @PostMapping("/adjustment-requests")
    @ResponseStatus(HttpStatus.CREATED)
    AdjustmentRequested requestAdjustment(@PathVariable String taskId, @RequestBody AdjustmentRequest request,
                                          @AuthenticationPrincipal DubanUser user) {
        TaskSummary task = access.task(taskId);
        access.requireLead(task, user);
        Task step = step(assignment.open(taskId, TaskAssignment.ACKNOWLEDGE), "acknowledgement", taskId);
        return new AdjustmentRequested(assignment.requestAdjustment(step, WorkAccess.unitIdOf(user), request.kind(),
                request.proposal(), request.reason()));
    }

    @PostMapping("/adjustment-requests/{adjustmentId}/decision")
    TaskDetail decide(@PathVariable String taskId, @PathVariable String adjustmentId, @RequestBody Decision decision,
                      @AuthenticationPrincipal DubanUser user) {
        TaskSummary task = access.task(taskId);
        access.requireSupervisor(task, user);
        if (decision.approved() == null) {
            throw new IllegalArgumentException("field approved is required (true or false)");
        }
        Task step = step(assignment.open(taskId, TaskAssignment.DECIDE), "adjustment decision", taskId);
        if (!adjustmentId.equals(assignment.adjustmentOf(step))) {
            throw new NotFound("adjustment " + adjustmentId + " of task " + taskId + " is not waiting for a decision");
        }
        assignment.decide(step, decision.approved(), decision.reason());
        return access.detail(taskId);
    }

    @PostMapping("/reports/{period}/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    TaskDetail contribute(@PathVariable String taskId, @PathVariable String period, @RequestBody Contribution contribution,
                          @AuthenticationPrincipal DubanUser user) {
        TaskSummary task = access.task(taskId);
        access.requireCoUnit(task, user);
        String unitId = WorkAccess.unitIdOf(user);
        reporting.contribute(step(reporting.open(taskId, period, ProgressReporting.CONTRIBUTE, unitId),
                "contribution of your unit for " + period, taskId), unitId, contribution.text(),
                evidence.verify(contribution.evidence()));
        return access.detail(taskId);
    }

    @PutMapping("/reports/{period}/draft")
    TaskDetail draft(@PathVariable String taskId, @PathVariable String period, @RequestBody ReportContent content,
                     @AuthenticationPrincipal DubanUser user) {
        TaskSummary task = access.task(taskId);
        access.requireLead(task, user);
        commands.sendAndWait(new DraftReport(taskId, period, WorkAccess.unitIdOf(user), verified(content)));
        return access.detail(taskId);
    }

    @PostMapping("/reports/{period}/submission")
    TaskDetail submit(@PathVariable String taskId, @PathVariable String period, @RequestBody ReportContent content,
                      @AuthenticationPrincipal DubanUser user) {
        TaskSummary task = access.task(taskId);
        access.requireLead(task, user);
        reporting.submit(step(reporting.open(taskId, period, ProgressReporting.WRITE, null), "report for " + period, taskId),
                WorkAccess.unitIdOf(user), verified(content));
        return access.detail(taskId);
    }

    @PostMapping("/reports/{period}/review")
    TaskDetail review(@PathVariable String taskId, @PathVariable String period, @RequestBody Review review,
                      @AuthenticationPrincipal DubanUser user) {
        TaskSummary task = access.task(taskId);
        access.requireSupervisor(task, user);
        if (review.accepted() == null) {
            throw new IllegalArgumentException("field accepted is required (true or false)");
        }
        reporting.review(step(reporting.open(taskId, period, ProgressReporting.REVIEW, null), "review of " + period, taskId),
                review.accepted(), review.reason());
        return access.detail(taskId);
    }

    @PostMapping("/reports/{period}/urging")
    TaskDetail urge(@PathVariable String taskId, @PathVariable String period, @RequestBody Urging urging,
                    @AuthenticationPrincipal DubanUser user) {
        TaskSummary task = access.task(taskId);
        access.requireSupervisor(task, user);
        reporting.urge(step(reporting.open(taskId, period, ProgressReporting.ESCALATION, null), "escalation of " + period,
                taskId), urging.note());
        return access.detail(taskId);
    }

    private static Task step(java.util.Optional<Task> open, String what, String taskId) {
        return open.orElseThrow(() -> new org.duban.api.CommandRefused("step.not-waiting",
                "no " + what + " of task " + taskId + " is waiting"));
    }
}
