package org.duban.app.audit.trail;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.audit.AuditEntry;
import org.duban.api.audit.AuditPage;
import org.duban.api.audit.AuditSubject;
import org.duban.api.plan.FindPlan;
import org.duban.api.plan.PlanSummary;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskSummary;
import org.duban.app.audit.trail.EventWording.WordedEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** 审计记录: the audit trail page with its filters, paging and export links, each event in words. */
@Controller
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditTrailPages {
    static final int PAGE_SIZE = 50;
    private final QueryGateway queries;
    private final EventWording wording;

    AuditTrailPages(QueryGateway queries, EventWording wording) {
        this.queries = queries;
        this.wording = wording;
    }

    /**
     * One row of the page: the event in words and what it is about.
     *
     * @param task the task's shown number and text, or null
     * @param plan the plan's title, or null
     */
    record Row(AuditEntry entry, WordedEvent event, String task, String plan) {
    }

    @GetMapping("/audit")
    String trail(@ModelAttribute("filter") AuditFilter filter, @RequestParam(defaultValue = "0") int page,
                 Locale locale, Model model) {
        model.addAttribute("subjects", AuditSubject.values());
        Map<String, String> eventNames = new LinkedHashMap<>();
        EventWording.EVENT_TYPES.forEach(type -> eventNames.put(type, wording.eventName(type, locale)));
        model.addAttribute("eventNames", eventNames);
        try {
            AuditPage trail = queries.query(filter.page(Math.max(page, 0), PAGE_SIZE),
                    ResponseTypes.instanceOf(AuditPage.class)).join();
            model.addAttribute("trail", trail);
            model.addAttribute("rows", rows(trail.entries(), locale));
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", e.getMessage());
        }
        model.addAttribute("query", filter.query());
        return "audit/trail";
    }

    private List<Row> rows(List<AuditEntry> entries, Locale locale) {
        List<String> taskIds = entries.stream().map(AuditEntry::taskId).filter(Objects::nonNull).distinct().toList();
        Map<String, String> tasks = new HashMap<>();
        if (!taskIds.isEmpty()) {
            queries.query(new FindTaskSummaries(taskIds), ResponseTypes.multipleInstancesOf(TaskSummary.class)).join()
                    .forEach(task -> tasks.put(task.taskId(), task.shownNumber() + " " + task.text()));
        }
        Map<String, String> plans = new HashMap<>();
        entries.stream().map(AuditEntry::planId).filter(Objects::nonNull).distinct().forEach(planId ->
                queries.query(new FindPlan(planId), ResponseTypes.optionalInstanceOf(PlanSummary.class)).join()
                        .ifPresent(plan -> plans.put(planId, plan.title())));
        return entries.stream().map(entry -> new Row(entry, wording.word(entry, locale),
                entry.taskId() == null ? null : tasks.get(entry.taskId()),
                entry.planId() == null ? null : plans.get(entry.planId()))).toList();
    }
}
