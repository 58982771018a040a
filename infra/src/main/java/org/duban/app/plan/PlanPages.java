package org.duban.app.plan;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanSummary;
import org.duban.api.plan.PlanTree;
import org.duban.app.plan.importing.ImportProblem;
import org.duban.app.plan.importing.ImportReport;
import org.duban.app.plan.importing.PlanImporter;
import org.duban.app.web.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.util.List;

/** Pages of plans: the plan tree and the import page. */
@Controller
@RequestMapping("/plans")
class PlanPages {
    private final QueryGateway queries;
    private final PlanImporter importer;

    PlanPages(QueryGateway queries, PlanImporter importer) {
        this.queries = queries;
        this.importer = importer;
    }

    @GetMapping("/{planId}")
    String tree(@PathVariable String planId, Model model) {
        PlanTree tree = queries.query(new FindPlanTree(planId), ResponseTypes.optionalInstanceOf(PlanTree.class)).join()
                .orElseThrow(() -> new NotFound("plan " + planId + " does not exist"));
        List<PlanSummary> plans = plans();
        model.addAttribute("tree", tree);
        model.addAttribute("parent", plans.stream()
                .filter(plan -> plan.planId().equals(tree.plan().parentPlanId())).findFirst().orElse(null));
        model.addAttribute("children", plans.stream().filter(plan -> planId.equals(plan.parentPlanId())).toList());
        model.addAttribute("taskCount", tree.allTasks().size());
        return "plans/tree";
    }

    @GetMapping("/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String importPage(Model model) {
        model.addAttribute("plans", plans());
        return "plans/import";
    }

    /**
     * With htmx the report replaces the form's result area, and a successful import moves the browser to the new
     * plan; without JavaScript the whole page comes back with the report.
     */
    @PostMapping("/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String importFile(@RequestParam("file") MultipartFile file, @ModelAttribute PlanImportForm form,
                      @RequestParam(defaultValue = "false") boolean dryRun,
                      @RequestHeader(value = "HX-Request", required = false) String htmx,
                      HttpServletResponse response, Model model) {
        ImportReport report;
        try {
            report = PlanImportApi.run(importer, file, form, dryRun);
        } catch (IllegalArgumentException e) {
            report = refused(file, e.getMessage(), dryRun);
        }
        if (report.imported()) {
            if (htmx != null) {
                response.setHeader("HX-Redirect", "/plans/" + report.planId());
                return "plans/import :: report";
            }
            return "redirect:/plans/" + report.planId();
        }
        model.addAttribute("report", report);
        if (htmx != null) {
            return "plans/import :: report";
        }
        model.addAttribute("plans", plans());
        return "plans/import";
    }

    private static ImportReport refused(MultipartFile file, String message, boolean dryRun) {
        return new ImportReport(dryRun, false, null, file.getOriginalFilename(), null, file.getSize(), null, 0, 0, 0,
                0, 0, List.of(), java.util.Map.of(), List.of(),
                List.of(ImportProblem.ofFile(file.getOriginalFilename(), message)), List.of());
    }

    private List<PlanSummary> plans() {
        return queries.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanSummary.class)).join();
    }
}
