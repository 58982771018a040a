package org.duban.app.task;

import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.ReportContent;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.TaskDetail;
import org.duban.app.security.DubanUser;
import org.duban.app.web.Moments;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The daily work on a task over HTTP: acknowledge or ask for an adjustment, contribute, draft and submit a period's
 * report, review it, urge an overdue one. {@link TaskWork} does each step; a refusal answers 409 and leaves the step
 * open, a user outside the task's units and supervisors gets 403.
 */
@RestController
@RequestMapping("/api/tasks/{taskId}")
class TaskWorkApi {
    private final TaskWork work;

    TaskWorkApi(TaskWork work) {
        this.work = work;
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

    /** With {@code asOf} (a day, read as its end in Asia/Shanghai, or an ISO time): the task as it stood then. */
    @GetMapping
    TaskDetail detail(@PathVariable String taskId, @RequestParam(required = false) String asOf,
                      @AuthenticationPrincipal DubanUser user) {
        Instant at = Moments.parse("asOf", asOf, true);
        return at == null ? work.read(taskId, user) : work.readAsOf(taskId, at, user);
    }

    @PostMapping("/acknowledgement")
    TaskDetail acknowledge(@PathVariable String taskId, @AuthenticationPrincipal DubanUser user) {
        work.acknowledge(taskId, user);
        return work.read(taskId, user);
    }

    /** A co-unit confirms it was told of its part in the task (知悉). */
    @PostMapping("/co-unit-confirmation")
    TaskDetail confirmPart(@PathVariable String taskId, @AuthenticationPrincipal DubanUser user) {
        work.confirmPart(taskId, user);
        return work.read(taskId, user);
    }

    @PostMapping("/adjustment-requests")
    @ResponseStatus(HttpStatus.CREATED)
    AdjustmentRequested requestAdjustment(@PathVariable String taskId, @RequestBody AdjustmentRequest request,
                                          @AuthenticationPrincipal DubanUser user) {
        return new AdjustmentRequested(work.requestAdjustment(taskId, request.kind(), request.proposal(),
                request.reason(), user));
    }

    @PostMapping("/adjustment-requests/{adjustmentId}/decision")
    TaskDetail decide(@PathVariable String taskId, @PathVariable String adjustmentId, @RequestBody Decision decision,
                      @AuthenticationPrincipal DubanUser user) {
        work.decide(taskId, adjustmentId, decision.approved(), decision.reason(), user);
        return work.read(taskId, user);
    }

    @PostMapping("/reports/{period}/contributions")
    @ResponseStatus(HttpStatus.CREATED)
    TaskDetail contribute(@PathVariable String taskId, @PathVariable String period, @RequestBody Contribution contribution,
                          @AuthenticationPrincipal DubanUser user) {
        work.contribute(taskId, period, contribution.text(), contribution.evidence(), user);
        return work.read(taskId, user);
    }

    @PutMapping("/reports/{period}/draft")
    TaskDetail draft(@PathVariable String taskId, @PathVariable String period, @RequestBody ReportContent content,
                     @AuthenticationPrincipal DubanUser user) {
        work.draft(taskId, period, content, user);
        return work.read(taskId, user);
    }

    @PostMapping("/reports/{period}/submission")
    TaskDetail submit(@PathVariable String taskId, @PathVariable String period, @RequestBody ReportContent content,
                      @AuthenticationPrincipal DubanUser user) {
        return work.submitAndRead(taskId, period, content, user);
    }

    @PostMapping("/reports/{period}/review")
    TaskDetail review(@PathVariable String taskId, @PathVariable String period, @RequestBody Review review,
                      @AuthenticationPrincipal DubanUser user) {
        work.review(taskId, period, review.accepted(), review.reason(), user);
        return work.read(taskId, user);
    }

    /** A supervisor's reminder (催办) of a report still with the unit; 409 once it is submitted. */
    @PostMapping("/reports/{period}/reminders")
    @ResponseStatus(HttpStatus.CREATED)
    TaskDetail remind(@PathVariable String taskId, @PathVariable String period, @RequestBody Urging reminder,
                      @AuthenticationPrincipal DubanUser user) {
        work.remind(taskId, period, reminder.note(), user);
        return work.read(taskId, user);
    }

    /** The same reminder, as the supervisors' step on an overdue report names it (督办催报). */
    @PostMapping("/reports/{period}/urging")
    TaskDetail urge(@PathVariable String taskId, @PathVariable String period, @RequestBody Urging urging,
                    @AuthenticationPrincipal DubanUser user) {
        work.remind(taskId, period, urging.note(), user);
        return work.read(taskId, user);
    }
}
