package org.duban.app.supervision;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.indicator.IndicatorView;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanTree;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanSummary;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.supervision.FindSupervisionCases;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.SupervisionCaseDetail;
import org.duban.api.supervision.SupervisionCaseView;
import org.duban.app.audit.trail.EventWording;
import org.duban.app.reporting.evidence.EvidenceStore;
import org.duban.app.security.DubanUser;
import org.duban.app.web.PageActions;
import org.duban.process.WorkflowClock;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The supervision pages: the list of cases (a supervisor's office's, a unit's own) and the 督办单 of one case in its
 * grade's colour with its item, dates, timeline and the form of whoever's step it is now; issuing a notice from a
 * task or an indicator. Each form does what {@link SupervisionWork} does for the API.
 */
@Controller
class SupervisionCasePages {
    private final SupervisionWork work;
    private final PageActions actions;
    private final QueryGateway queries;
    private final EventWording wording;
    private final EvidenceStore evidence;

    SupervisionCasePages(SupervisionWork work, PageActions actions, QueryGateway queries, EventWording wording,
                         EvidenceStore evidence) {
        this.work = work;
        this.actions = actions;
        this.queries = queries;
        this.wording = wording;
        this.evidence = evidence;
    }

    static final List<String> STAGES = List.of("AWAITING_PLAN", "RECTIFYING", "RESULT_SUBMITTED", "CLOSED_OUT");

    @GetMapping("/supervision/cases")
    String list(@RequestParam(required = false) String plan, @RequestParam(required = false) String stage,
                @RequestParam(required = false) NoticeGrade grade, @AuthenticationPrincipal DubanUser user, Model model) {
        String shownStage = stage != null && STAGES.contains(stage) ? stage : null;
        List<SupervisionCaseView> cases = work.list(user, new FindSupervisionCases(blankToNull(plan), null, null,
                shownStage == null ? null : List.of(shownStage), grade, null, null, null, null));
        Map<String, String> planTitles = new HashMap<>();
        queries.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanSummary.class)).join()
                .forEach(summary -> planTitles.put(summary.planId(), summary.title()));
        model.addAttribute("cases", cases);
        model.addAttribute("planTitles", planTitles);
        model.addAttribute("plans", work.list(user, FindSupervisionCases.all()).stream().map(SupervisionCaseView::planId)
                .distinct().filter(planTitles::containsKey).toList());
        model.addAttribute("stages", STAGES);
        model.addAttribute("grades", NoticeGrade.values());
        model.addAttribute("plan", blankToNull(plan));
        model.addAttribute("stage", shownStage);
        model.addAttribute("grade", grade);
        return "supervision/cases";
    }

    @GetMapping("/supervision/cases/{caseId}")
    String page(@PathVariable String caseId, @AuthenticationPrincipal DubanUser user, Locale locale, Model model) {
        SupervisionCaseDetail detail = work.read(caseId, user);
        SupervisionCaseView view = detail.view();
        model.addAttribute("c", view);
        model.addAttribute("actions", work.actions(view, user));
        model.addAttribute("timeline", detail.timeline().stream().map(entry -> wording.word(entry, locale)).toList());
        PlanTree tree = queries.query(new FindPlanTree(view.planId()), ResponseTypes.optionalInstanceOf(PlanTree.class))
                .join().orElse(null);
        model.addAttribute("planTitle", tree == null ? null : tree.plan().title());
        String itemText = null;
        String itemNumber = null;
        if (tree != null && view.item().taskId() != null && tree.task(view.item().taskId()) != null) {
            itemText = tree.task(view.item().taskId()).text();
            itemNumber = tree.task(view.item().taskId()).shownNumber();
        } else if (tree != null && view.item().indicatorId() != null) {
            IndicatorView indicator = tree.indicators().stream()
                    .filter(i -> i.indicatorId().equals(view.item().indicatorId())).findFirst().orElse(null);
            itemText = indicator == null ? null : indicator.name();
            itemNumber = indicator == null ? null : indicator.shownNumber();
        }
        model.addAttribute("itemText", itemText);
        model.addAttribute("itemNumber", itemNumber);
        model.addAttribute("today", WorkflowClock.today());
        return "supervision/case";
    }

    /** The form on the task page and the plan's indicator rows. */
    @PostMapping("/supervision/cases")
    String issue(@RequestParam(required = false) String taskId, @RequestParam(required = false) String periodKey,
                 @RequestParam(required = false) String planId, @RequestParam(required = false) String indicatorId,
                 @RequestParam(required = false) NoticeGrade grade, @RequestParam(required = false) String reason,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate answerBy,
                 @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        String[] issued = new String[1];
        boolean onTask = taskId != null && !taskId.isBlank();
        String back = onTask ? "/tasks/" + taskId : "/plans/" + planId;
        String result = actions.run(back, flash, "supervision.done.issued", () -> issued[0] = onTask
                ? work.issueOnTask(taskId, periodKey, grade, reason, answerBy, user)
                : work.issueOnIndicator(planId, indicatorId, grade, reason, answerBy, user));
        return issued[0] == null ? result : "redirect:/supervision/cases/" + issued[0];
    }

    @PostMapping("/supervision/cases/{caseId}/plan")
    String plan(@PathVariable String caseId, @RequestParam(required = false) String plan,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(caseId), flash, "supervision.done.planSubmitted",
                () -> work.submitPlan(caseId, plan, deadline, user));
    }

    @PostMapping("/supervision/cases/{caseId}/result")
    String result(@PathVariable String caseId, @RequestParam(required = false) String result,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(caseId), flash, "supervision.done.resultSubmitted",
                () -> work.submitResult(caseId, result, List.of(), () -> stored(files, user), user));
    }

    @PostMapping("/supervision/cases/{caseId}/extensions")
    String extension(@PathVariable String caseId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
                     @RequestParam(required = false) String reason, @AuthenticationPrincipal DubanUser user,
                     RedirectAttributes flash) {
        return actions.run(page(caseId), flash, "supervision.done.extensionRequested",
                () -> work.requestExtension(caseId, until, reason, user));
    }

    @PostMapping("/supervision/cases/{caseId}/extensions/{extensionId}/decision")
    String decide(@PathVariable String caseId, @PathVariable String extensionId, @RequestParam boolean approved,
                  @RequestParam(required = false) String reason, @AuthenticationPrincipal DubanUser user,
                  RedirectAttributes flash) {
        return actions.run(page(caseId), flash, approved ? "supervision.done.extensionApproved"
                : "supervision.done.extensionRefused", () -> work.decideExtension(caseId, extensionId, approved, reason, user));
    }

    @PostMapping("/supervision/cases/{caseId}/verification")
    String verify(@PathVariable String caseId, @RequestParam boolean closedOut,
                  @RequestParam(required = false) String reason, @AuthenticationPrincipal DubanUser user,
                  RedirectAttributes flash) {
        return actions.run(page(caseId), flash, closedOut ? "supervision.done.closedOut" : "supervision.done.rejected",
                () -> work.verify(caseId, closedOut, reason, user));
    }

    @PostMapping("/supervision/cases/{caseId}/escalation")
    String escalate(@PathVariable String caseId, @RequestParam(required = false) String reason,
                    @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(caseId), flash, "supervision.done.escalated", () -> work.escalate(caseId, reason, user));
    }

    private static String page(String caseId) {
        return "/supervision/cases/" + caseId;
    }

    private List<EvidenceRef> stored(List<MultipartFile> files, DubanUser user) {
        List<EvidenceRef> refs = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue; // the browser sends an empty part when no file was chosen
            }
            try {
                refs.add(evidence.store(file.getOriginalFilename(), file.getBytes(), user));
            } catch (IOException e) {
                throw new UncheckedIOException("the upload could not be read", e);
            }
        }
        return refs;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
