package org.duban.app.adjustment;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanTree;
import org.duban.api.task.AdjustmentKind;
import org.duban.app.web.NotFound;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.duban.app.security.DubanUser;
import org.duban.app.web.PageActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of dynamic adjustment: a task's on its page (调整记录), an indicator's in its plan's target section. Each
 * posts through {@link PageActions}: one transaction, then back to the page with a notice or the refusal.
 */
@Controller
class AdjustmentPages {
    private final AdjustmentWork work;
    private final PageActions actions;
    private final QueryGateway queries;

    AdjustmentPages(AdjustmentWork work, PageActions actions, QueryGateway queries) {
        this.work = work;
        this.actions = actions;
        this.queries = queries;
    }

    @PostMapping("/tasks/{taskId}/adjustments")
    String askForTask(@PathVariable String taskId, @RequestParam(required = false) AdjustmentKind kind,
                      @RequestParam(required = false) String proposal, @RequestParam(required = false) String reason,
                      @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(taskPage(taskId), flash, "adjustment.done.asked",
                () -> work.askForTask(taskId, kind, proposal, reason, user));
    }

    @PostMapping("/tasks/{taskId}/adjustments/{adjustmentId}/decision")
    String decideForTask(@PathVariable String taskId, @PathVariable String adjustmentId,
                         @RequestParam(required = false) Boolean approved,
                         @RequestParam(required = false) String reason, @AuthenticationPrincipal DubanUser user,
                         RedirectAttributes flash) {
        return actions.run(taskPage(taskId), flash, Boolean.FALSE.equals(approved) ? "adjustment.done.refused"
                : "adjustment.done.approved", () -> work.decideForTask(taskId, adjustmentId, approved, reason, user));
    }

    /** 指标目标调整: each indicator's target in force, its original and every adjustment, and the forms. */
    @GetMapping("/plans/{planId}/targets")
    String targets(@PathVariable String planId, @AuthenticationPrincipal DubanUser user, Model model) {
        PlanTree tree = queries.query(new FindPlanTree(planId), ResponseTypes.optionalInstanceOf(PlanTree.class)).join()
                .orElseThrow(() -> new NotFound("plan " + planId + " does not exist"));
        model.addAttribute("tree", tree);
        model.addAttribute("cards", work.indicatorCards(tree, user));
        return "adjustments/targets";
    }

    @PostMapping("/plans/{planId}/indicators/{indicatorId}/adjustments")
    String askForIndicator(@PathVariable String planId, @PathVariable String indicatorId,
                           @RequestParam(required = false) String proposedTarget,
                           @RequestParam(required = false) String reason, @AuthenticationPrincipal DubanUser user,
                           RedirectAttributes flash) {
        return actions.run(indicatorSection(planId, indicatorId), flash, "adjustment.done.asked",
                () -> work.askForIndicator(indicatorId, proposedTarget, reason, user));
    }

    @PostMapping("/plans/{planId}/indicators/{indicatorId}/adjustments/{adjustmentId}/decision")
    String decideForIndicator(@PathVariable String planId, @PathVariable String indicatorId,
                              @PathVariable String adjustmentId, @RequestParam(required = false) Boolean approved,
                              @RequestParam(required = false) String reason,
                              @RequestParam(required = false) String approvalDocument,
                              @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(indicatorSection(planId, indicatorId), flash, Boolean.FALSE.equals(approved)
                        ? "adjustment.done.refused" : "adjustment.done.approved",
                () -> work.decideForIndicator(indicatorId, adjustmentId, approved, reason, approvalDocument, user));
    }

    private static String taskPage(String taskId) {
        return "/tasks/" + taskId + "#adjustment-card-title";
    }

    private static String indicatorSection(String planId, String indicatorId) {
        return "/plans/" + planId + "/targets#indicator-" + indicatorId;
    }
}
