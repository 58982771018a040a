package org.duban.app.task;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.indicator.IndicatorView;
import org.duban.api.plan.FindPlanIndicators;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.IndicatorValue;
import org.duban.api.reporting.ReportContent;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.TaskDetail;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.app.audit.trail.EventWording;
import org.duban.app.reporting.PeriodChoices;
import org.duban.app.reporting.PlanReporting;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.duban.app.reporting.evidence.EvidenceStore;
import org.duban.app.adjustment.AdjustmentWork;
import org.duban.app.security.DubanUser;
import org.duban.app.web.Moments;
import org.duban.app.web.PageActions;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The task page: the task, its reports with every round, its adjustments and its timeline, and the
 * forms of the steps the signed-in user may take now. Each form does what {@link TaskWork} does for the API;
 * uploaded evidence is stored in the same transaction as the step, so a refused report keeps no files either.
 */
@Controller
class TaskPages {
    private final TaskWork work;
    private final EvidenceStore evidence;
    private final PageActions actions;
    private final QueryGateway queries;
    private final EventWording wording;
    private final PeriodChoices periods;
    private final PlanReporting reporting;
    private final MessageSource messages;
    private final AdjustmentWork adjustments;
    private final TransactionTemplate transaction;

    TaskPages(TaskWork work, EvidenceStore evidence, PageActions actions, QueryGateway queries,
              EventWording wording, PeriodChoices periods, PlanReporting reporting, MessageSource messages,
              AdjustmentWork adjustments, TransactionTemplate transaction) {
        this.adjustments = adjustments;
        this.transaction = transaction;
        this.wording = wording;
        this.periods = periods;
        this.reporting = reporting;
        this.messages = messages;
        this.work = work;
        this.evidence = evidence;
        this.actions = actions;
        this.queries = queries;
    }

    @GetMapping("/tasks/{taskId}")
    String task(@PathVariable String taskId, @RequestParam(required = false) String asOf,
                @AuthenticationPrincipal DubanUser user, Locale locale, Model model) {
        Instant at = null;
        try {
            at = Moments.parse("asOf", asOf, true);
        } catch (IllegalArgumentException e) {
            model.addAttribute(PageActions.PROBLEM, e.getMessage());
        }
        if (at != null) {
            return taskPage(taskId, asOf, at, user, locale, model);
        }
        // today's page reads the views, the waiting steps, the plan's indicators and the steps' names in one
        // transaction: one commit after a submission's redirect, not one for each (the past has its own, TaskHistory)
        return transaction.execute(status -> taskPage(taskId, null, null, user, locale, model));
    }

    private String taskPage(String taskId, String asOf, Instant at, DubanUser user, Locale locale, Model model) {
        TaskDetail detail = at == null ? work.read(taskId, user) : work.readAsOf(taskId, at, user);
        model.addAttribute("task", detail);
        model.addAttribute("asOf", at == null ? null : asOf);
        // the past is read, not acted on
        model.addAttribute("actions", at == null ? work.actions(detail, user) : TaskWork.Actions.NONE);
        List<IndicatorView> planIndicators = planIndicators(detail);
        model.addAttribute("indicators", planIndicators.stream()
                .filter(indicator -> detail.summary().taskId().equals(indicator.taskId())).toList());
        model.addAttribute("indicatorNames", planIndicators.stream()
                .collect(Collectors.toMap(IndicatorView::indicatorId, IndicatorView::name, (a, b) -> a)));
        model.addAttribute("timeline", detail.timeline().stream().map(entry -> wording.word(entry, locale)).toList());
        String planId = detail.summary().planId();
        model.addAttribute("cadence", reporting.cadence(planId).map(ReportingCadenceSet::cadence).orElse(null));
        model.addAttribute("openPeriods", periods.of(planId).stream().filter(PeriodChoices.Choice::open).toList());
        model.addAttribute("reportedPeriods", detail.reports().stream().map(TaskDetail.Report::periodKey)
                .collect(Collectors.toSet()));
        // what each period's report form starts from, and its indicator values by indicator
        Map<String, ReportContent> starts = new HashMap<>();
        Map<String, Map<String, String>> startValues = new HashMap<>();
        for (TaskDetail.Report report : detail.reports()) {
            ReportContent start = TaskWork.lastWritten(report);
            if (start != null) {
                starts.put(report.periodKey(), start);
                startValues.put(report.periodKey(), start.indicatorValues().stream()
                        .collect(Collectors.toMap(IndicatorValue::indicatorId, IndicatorValue::value, (a, b) -> b)));
            }
        }
        Map<String, String> unitNames = new HashMap<>();
        unitNames.put(detail.summary().leadUnit().unitId(), detail.summary().leadUnit().name());
        detail.summary().coUnits().forEach(unit -> unitNames.put(unit.unitId(), unit.name()));
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("starts", starts);
        model.addAttribute("startValues", startValues);
        model.addAttribute("statuses", CompletionStatus.values());
        model.addAttribute("kinds", AdjustmentKind.values());
        // 调整记录: the originals and every adjustment, read now (the past view shows the task as it stood)
        model.addAttribute("adjustmentCard", at == null ? adjustments.taskCard(detail.summary(), user) : null);
        return "tasks/task";
    }

    @PostMapping("/tasks/{taskId}/acknowledgement")
    String acknowledge(@PathVariable String taskId, @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(taskId), flash, "task.done.acknowledged", () -> work.acknowledge(taskId, user));
    }

    @PostMapping("/tasks/{taskId}/co-unit-confirmation")
    String confirmPart(@PathVariable String taskId, @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(taskId), flash, "task.done.partConfirmed", () -> work.confirmPart(taskId, user));
    }

    @PostMapping("/tasks/{taskId}/adjustment-requests")
    String requestAdjustment(@PathVariable String taskId, @RequestParam AdjustmentKind kind,
                             @RequestParam(required = false) String proposal,
                             @RequestParam(required = false) String reason,
                             @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(taskId), flash, "task.done.adjustmentRequested",
                () -> work.requestAdjustment(taskId, kind, proposal, reason, user));
    }

    @PostMapping("/tasks/{taskId}/adjustment-requests/{adjustmentId}/decision")
    String decide(@PathVariable String taskId, @PathVariable String adjustmentId, @RequestParam boolean approved,
                  @RequestParam(required = false) String reason, @AuthenticationPrincipal DubanUser user,
                  RedirectAttributes flash) {
        return actions.run(page(taskId), flash, approved ? "task.done.adjustmentApproved" : "task.done.adjustmentRejected",
                () -> work.decide(taskId, adjustmentId, approved, reason, user));
    }

    @PostMapping("/tasks/{taskId}/reports/{period}/contributions")
    String contribute(@PathVariable String taskId, @PathVariable String period, @RequestParam(required = false) String text,
                      @RequestParam(name = "files", required = false) List<MultipartFile> files,
                      @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(taskId, period), flash, "task.done.contributed",
                () -> work.contribute(taskId, period, text, stored(files, user), user));
    }

    /** One form for both: {@code action=draft} saves, {@code action=submit} submits the report for review. */
    @PostMapping("/tasks/{taskId}/reports/{period}")
    String report(@PathVariable String taskId, @PathVariable String period, @RequestParam String action,
                  @RequestParam(required = false) String narrative,
                  @RequestParam(required = false) CompletionStatus status,
                  @RequestParam(required = false) String percent,
                  @RequestParam(required = false) String difficulties,
                  @RequestParam(required = false) String nextSteps,
                  @RequestParam(name = "indicatorId", required = false) List<String> indicatorIds,
                  @RequestParam(name = "indicatorValue", required = false) List<String> indicatorValues,
                  @RequestParam(name = "keepEvidence", required = false) List<String> keep,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        boolean submit = "submit".equals(action);
        return actions.run(page(taskId, period), flash, submit ? "task.done.submitted" : "task.done.drafted", () -> {
            ReportContent content = new ReportContent(narrative, status, percent(percent),
                    values(indicatorIds, indicatorValues), difficulties, nextSteps, stored(files, user));
            List<String> kept = keep == null ? List.of() : keep;
            if (submit) {
                work.submit(taskId, period, content, kept, user);
            } else {
                work.draft(taskId, period, content, kept, user);
            }
        });
    }

    @PostMapping("/tasks/{taskId}/reports/{period}/review")
    String review(@PathVariable String taskId, @PathVariable String period, @RequestParam boolean accepted,
                  @RequestParam(required = false) String reason, @AuthenticationPrincipal DubanUser user,
                  RedirectAttributes flash) {
        return actions.run(page(taskId, period), flash, accepted ? "task.done.accepted" : "task.done.returned",
                () -> work.review(taskId, period, accepted, reason, user));
    }

    @PostMapping("/tasks/{taskId}/reports/{period}/urging")
    String urge(@PathVariable String taskId, @PathVariable String period, @RequestParam(required = false) String note,
                @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(taskId, period), flash, "task.done.urged", () -> work.remind(taskId, period, note, user));
    }

    @PostMapping("/tasks/{taskId}/reports/{period}/reminders")
    String remind(@PathVariable String taskId, @PathVariable String period, @RequestParam(required = false) String note,
                  @AuthenticationPrincipal DubanUser user, RedirectAttributes flash) {
        return actions.run(page(taskId, period), flash, "task.done.reminded", () -> work.remind(taskId, period, note, user));
    }

    private static String page(String taskId) {
        return "/tasks/" + taskId;
    }

    private static String page(String taskId, String period) {
        return "/tasks/" + taskId + "#report-" + period;
    }

    /**
     * The plan's indicators. A report gives values only for those linked to the task (the task's text states them):
     * an indicator is not the task's because its lead unit answers for it too.
     */
    private List<IndicatorView> planIndicators(TaskDetail detail) {
        return queries.query(new FindPlanIndicators(detail.summary().planId()),
                ResponseTypes.multipleInstancesOf(IndicatorView.class)).join();
    }

    /** The draft's or the last round's evidence the writer kept ticked. */
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

    private Integer percent(String percent) {
        if (percent == null || percent.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(percent.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(messages.getMessage("task.problem.percent", new Object[]{percent},
                    LocaleContextHolder.getLocale()));
        }
    }

    private static List<IndicatorValue> values(List<String> ids, List<String> values) {
        List<IndicatorValue> given = new ArrayList<>();
        for (int i = 0; ids != null && values != null && i < Math.min(ids.size(), values.size()); i++) {
            if (values.get(i) != null && !values.get(i).isBlank()) {
                given.add(new IndicatorValue(ids.get(i), values.get(i)));
            }
        }
        return given;
    }
}
