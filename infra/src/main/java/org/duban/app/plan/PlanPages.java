package org.duban.app.plan;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.MetadataKeys;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanSummary;
import org.duban.api.plan.PlanTree;
import org.duban.api.reporting.Cadence;
import org.duban.app.plan.importing.ImportProblem;
import org.duban.app.plan.importing.ImportReport;
import org.duban.app.plan.importing.ImportReview;
import org.duban.app.plan.importing.PlanImporter;
import org.duban.app.reporting.PeriodChoices;
import org.duban.app.reporting.PlanReporting;
import org.duban.app.security.AccountProperties;
import org.duban.app.security.DubanUser;
import org.duban.app.security.WorkAccess;
import org.duban.app.web.Moments;
import org.duban.app.web.NotFound;
import org.duban.app.web.PageActions;
import org.duban.app.web.PageMessage;
import org.duban.app.web.PeriodNames;
import org.duban.process.plan.PlanPublication;
import org.slf4j.MDC;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Pages of plans: the plan tree with its publication and reporting controls, and the import page. */
@Controller
@RequestMapping("/plans")
class PlanPages {
    private final QueryGateway queries;
    private final PlanImporter importer;
    private final PlanReporting reporting;
    private final PlanPublication publication;
    private final PageActions actions;
    private final PeriodChoices periods;
    private final PeriodNames periodNames;
    private final Map<String, String> people;

    PlanPages(QueryGateway queries, PlanImporter importer, PlanReporting reporting, PlanPublication publication,
              PageActions actions, PeriodChoices periods, PeriodNames periodNames, AccountProperties accounts) {
        this.people = accounts.accounts().stream().filter(account -> account.displayName() != null)
                .collect(Collectors.toMap(AccountProperties.Account::username, AccountProperties.Account::displayName,
                        (first, second) -> first));
        this.periods = periods;
        this.periodNames = periodNames;
        this.queries = queries;
        this.importer = importer;
        this.reporting = reporting;
        this.publication = publication;
        this.actions = actions;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("plans", plans());
        return "plans/list";
    }

    @GetMapping("/{planId}")
    String tree(@PathVariable String planId, @RequestParam(required = false) String asOf,
                @AuthenticationPrincipal DubanUser user, Model model) {
        PlanTree tree = queries.query(new FindPlanTree(planId), ResponseTypes.optionalInstanceOf(PlanTree.class)).join()
                .orElseThrow(() -> new NotFound("plan " + planId + " does not exist"));
        List<PlanSummary> plans = plans();
        model.addAttribute("tree", tree);
        model.addAttribute("parent", plans.stream()
                .filter(plan -> plan.planId().equals(tree.plan().parentPlanId())).findFirst().orElse(null));
        model.addAttribute("children", plans.stream().filter(plan -> planId.equals(plan.parentPlanId())).toList());
        model.addAttribute("taskCount", tree.allTasks().size());
        // who imported, by the name people know them by rather than the account
        model.addAttribute("people", people);
        model.addAttribute("supervises", WorkAccess.supervises(tree.plan().supervisingUnit(), user));
        model.addAttribute("publicationWaiting", publication.awaitingApproval(planId).isPresent());
        model.addAttribute("cadence", reporting.cadence(planId).orElse(null));
        model.addAttribute("cadences", Cadence.values());
        List<PeriodChoices.Choice> choices = periods.of(planId);
        model.addAttribute("periods", choices);
        model.addAttribute("openPeriods", choices.stream().filter(PeriodChoices.Choice::open).toList());
        model.addAttribute("suggestedPeriod", suggested(choices));
        model.addAttribute("asOf", asOf);
        if (asOf != null && !asOf.isBlank()) {
            try {
                model.addAttribute("past", reporting.asOf(planId, Moments.parse("asOf", asOf, true), user));
            } catch (IllegalArgumentException e) {
                model.addAttribute(PageActions.PROBLEM, actions.sentence(new PageMessage("plan.asOf.invalid")));
            } catch (NotFound e) {
                model.addAttribute(PageActions.PROBLEM, actions.sentence(new PageMessage("plan.asOf.notYet")));
            }
        }
        return "plans/tree";
    }

    /** The period a supervisor most likely opens: today's, else the first not open yet. */
    private static String suggested(List<PeriodChoices.Choice> choices) {
        return choices.stream().filter(PeriodChoices.Choice::current).findFirst()
                .or(() -> choices.stream().filter(choice -> !choice.open()).findFirst())
                .map(PeriodChoices.Choice::key).orElse(null);
    }

    @PostMapping("/{planId}/publication-request")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String requestPublication(@PathVariable String planId, RedirectAttributes flash) {
        return actions.run("/plans/" + planId, flash, "plan.done.publicationRequested",
                () -> publication.request(planId, MDC.get(MetadataKeys.CORRELATION_ID)));
    }

    @PostMapping("/{planId}/publication-approval")
    @PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
    String approvePublication(@PathVariable String planId, RedirectAttributes flash) {
        return actions.run("/plans/" + planId, flash, "plan.done.published", () -> {
            if (!publication.approve(planId)) {
                throw new NotFound("no publication of plan " + planId + " is waiting for approval");
            }
        });
    }

    @PostMapping("/{planId}/reporting-cadence")
    String setCadence(@PathVariable String planId, @RequestParam Cadence cadence,
                      @RequestParam(required = false) Integer dueDay,
                      @RequestParam(required = false) Integer graceWorkingDays,
                      @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run("/plans/" + planId, flash, "plan.done.cadenceSet",
                () -> reporting.setCadence(planId, cadence, dueDay, graceWorkingDays, user));
    }

    @PostMapping("/{planId}/reporting-periods")
    String openPeriod(@PathVariable String planId, @RequestParam String period, @AuthenticationPrincipal DubanUser user,
                      RedirectAttributes flash) {
        return actions.run("/plans/" + planId, flash, () -> {
            PlanReporting.PeriodOpened opened = reporting.openPeriod(planId, period, user);
            return new PageMessage("plan.done.periodOpened", periodNames.name(opened.period()), opened.reports(),
                    opened.dueOn().toString());
        });
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
                      HttpServletResponse response, Model model,
                      @RequestParam Map<String, String> fields,
                      @AuthenticationPrincipal DubanUser user) {
        ImportReport report;
        try {
            ImportReview review = reviewFields(fields);
            report = PlanImportApi.run(importer, file, review == null ? form : form.withReview(review), dryRun, user);
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

    /**
     * The review controls of the page ({@code review.t3.action}, {@code review.t3.lead} …) as a review; items whose
     * decision is not chosen are left out, so an import of a plan read from text names them as not reviewed;
     * {@code reviewOf} is the SHA-256 of the file the dry run read.
     */
    static ImportReview reviewFields(Map<String, String> fields) {
        Map<String, Map<String, String>> byItem = new TreeMap<>();
        fields.forEach((name, value) -> {
            String[] parts = name.split("\\.", 3);
            if (parts.length == 3 && parts[0].equals("review")) {
                byItem.computeIfAbsent(parts[1], id -> new HashMap<>()).put(parts[2], value);
            }
        });
        List<ImportReview.Decision> decisions = new ArrayList<>();
        byItem.forEach((id, item) -> {
            String action = item.getOrDefault("action", "");
            if (action.isBlank()) {
                return;
            }
            String due = item.getOrDefault("dueDate", "");
            String co = item.getOrDefault("coUnits", "");
            decisions.add(new ImportReview.Decision(id, ImportReview.Action.valueOf(action), item.get("text"),
                    item.get("lead"), co.isBlank() ? null : List.of(co.split("[、，,；;\\s]+")),
                    due.isBlank() ? null : date(id, due), item.get("name"), item.get("target"),
                    item.get("unitOfMeasure")));
        });
        return decisions.isEmpty() ? null : new ImportReview(fields.get("reviewOf"), decisions);
    }

    private static LocalDate date(String item, String written) {
        try {
            return LocalDate.parse(written);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("review." + item + ".dueDate \"" + written + "\" is not a date such as 2025-12-31");
        }
    }

    private static ImportReport refused(MultipartFile file, String message, boolean dryRun) {
        return new ImportReport(dryRun, false, null, file.getOriginalFilename(), null, file.getSize(), null, 0, 0, 0,
                0, 0, List.of(), Map.of(), List.of(),
                List.of(ImportProblem.ofFile(file.getOriginalFilename(), "导入表单有误：" + message, message)), List.of(),
                List.of(), false, List.of());
    }

    private List<PlanSummary> plans() {
        return queries.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanSummary.class)).join();
    }
}
