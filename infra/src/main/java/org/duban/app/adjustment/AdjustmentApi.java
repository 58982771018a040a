package org.duban.app.adjustment;

import org.duban.api.adjustment.AdjustmentHistory;
import org.duban.api.task.AdjustmentKind;
import org.duban.app.security.DubanUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dynamic adjustment over HTTP: the history of a task's or an indicator's adjustments (original values and every
 * change), asking for one during execution, and the supervisors' decision. A refusal answers 409 and changes nothing;
 * a user outside the task's units, the indicator's responsible units or the plan's supervisors gets 403.
 */
@RestController
class AdjustmentApi {
    private final AdjustmentWork work;

    AdjustmentApi(AdjustmentWork work) {
        this.work = work;
    }

    record TaskAdjustmentRequest(AdjustmentKind kind, String proposal, String reason) {
    }

    record TargetAdjustmentRequest(String proposedTarget, String reason) {
    }

    record Asked(String adjustmentId) {
    }

    /** @param approvalDocument the approving body's document, required to approve a binding indicator's target */
    record Decision(Boolean approved, String reason, String approvalDocument) {
    }

    @GetMapping("/api/tasks/{taskId}/adjustments")
    AdjustmentHistory.Subject taskHistory(@PathVariable String taskId, @AuthenticationPrincipal DubanUser user) {
        return work.taskHistory(taskId, user);
    }

    @PostMapping("/api/tasks/{taskId}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Asked askForTask(@PathVariable String taskId, @RequestBody TaskAdjustmentRequest request,
                     @AuthenticationPrincipal DubanUser user) {
        return new Asked(work.askForTask(taskId, request.kind(), request.proposal(), request.reason(), user));
    }

    @PostMapping("/api/tasks/{taskId}/adjustments/{adjustmentId}/decision")
    AdjustmentHistory.Subject decideForTask(@PathVariable String taskId, @PathVariable String adjustmentId,
                                            @RequestBody Decision decision, @AuthenticationPrincipal DubanUser user) {
        work.decideForTask(taskId, adjustmentId, decision.approved(), decision.reason(), user);
        return work.taskHistory(taskId, user);
    }

    @GetMapping("/api/indicators/{indicatorId}/adjustments")
    AdjustmentHistory.Subject indicatorHistory(@PathVariable String indicatorId,
                                               @AuthenticationPrincipal DubanUser user) {
        return work.indicatorHistory(indicatorId, user);
    }

    @PostMapping("/api/indicators/{indicatorId}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    Asked askForIndicator(@PathVariable String indicatorId, @RequestBody TargetAdjustmentRequest request,
                          @AuthenticationPrincipal DubanUser user) {
        return new Asked(work.askForIndicator(indicatorId, request.proposedTarget(), request.reason(), user));
    }

    @PostMapping("/api/indicators/{indicatorId}/adjustments/{adjustmentId}/decision")
    AdjustmentHistory.Subject decideForIndicator(@PathVariable String indicatorId, @PathVariable String adjustmentId,
                                                 @RequestBody Decision decision,
                                                 @AuthenticationPrincipal DubanUser user) {
        work.decideForIndicator(indicatorId, adjustmentId, decision.approved(), decision.reason(),
                decision.approvalDocument(), user);
        return work.indicatorHistory(indicatorId, user);
    }

    @GetMapping("/api/plans/{planId}/adjustments")
    AdjustmentHistory planHistory(@PathVariable String planId, @AuthenticationPrincipal DubanUser user) {
        return work.planHistory(planId, user);
    }
}
