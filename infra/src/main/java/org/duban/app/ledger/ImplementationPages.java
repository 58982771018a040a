package org.duban.app.ledger;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.implementation.FindImplementation;
import org.duban.api.implementation.Implementation;
import org.duban.api.implementation.Implementation.ChildPlan;
import org.duban.api.implementation.Implementation.ChildTask;
import org.duban.app.security.DubanUser;
import org.duban.app.web.NotFound;
import org.duban.query.implementation.Counterparts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A parent plan's implementation page: each child plan's tasks by status and its reports as a bar chart and a table,
 * every figure a link to the list behind it ({@code ?child=…&show=RED}), then the gap report. And the ledger
 * download from the plan page.
 */
@Controller
class ImplementationPages {
    /** The lists a figure drills into. */
    enum Show {
        ALL(task -> true), GREEN(task -> "GREEN".equals(task.status())), AMBER(task -> "AMBER".equals(task.status())),
        RED(task -> "RED".equals(task.status())), NOT_ASSESSED(task -> task.status() == null),
        ACCEPTED(task -> task.accepted() > 0), OVERDUE(task -> task.overdue() > 0);

        final Predicate<ChildTask> includes;

        Show(Predicate<ChildTask> includes) {
            this.includes = includes;
        }

        /** The words of the figure: implementation.green, implementation.notAssessed, … */
        String label() {
            if (this == ALL) {
                return "implementation.list.all";
            }
            String[] words = name().toLowerCase(Locale.ROOT).split("_");
            return "implementation." + words[0] + (words.length > 1
                    ? Character.toUpperCase(words[1].charAt(0)) + words[1].substring(1) : "");
        }
    }

    private static final Map<Show, String> COLORS = new LinkedHashMap<>();

    static {
        COLORS.put(Show.GREEN, "#2e7d32");
        COLORS.put(Show.AMBER, "#f9a825");
        COLORS.put(Show.RED, "#c62828");
        COLORS.put(Show.NOT_ASSESSED, "#9e9e9e");
        COLORS.put(Show.ACCEPTED, "#0b5394");
        COLORS.put(Show.OVERDUE, "#8f1d1d");
    }

    private final QueryGateway queries;
    private final LedgerDownload download;
    private final MessageSource messages;

    ImplementationPages(QueryGateway queries, LedgerDownload download, MessageSource messages) {
        this.queries = queries;
        this.download = download;
        this.messages = messages;
    }

    @GetMapping("/plans/{planId}/implementation")
    String implementation(@PathVariable String planId, @RequestParam(required = false) String child,
                          @RequestParam(required = false) Show show, @AuthenticationPrincipal DubanUser user,
                          Model model) {
        Implementation implementation = queries.query(new FindImplementation(planId),
                ResponseTypes.instanceOf(Implementation.class)).join();
        if (implementation.title() == null) {
            throw new NotFound("plan " + planId + " does not exist");
        }
        model.addAttribute("implementation", implementation);
        model.addAttribute("taskThreshold", Counterparts.TASK_THRESHOLD);
        model.addAttribute("indicatorThreshold", Counterparts.INDICATOR_THRESHOLD);
        model.addAttribute("mayTakeLedger", LedgerDownload.mayTake(download.plan(planId), user));
        model.addAttribute("chartPlans", implementation.children().stream().map(c -> Map.of("planId", c.planId(),
                "title", c.title() == null ? c.planId() : c.title(), "GREEN", c.green(), "AMBER", c.amber(),
                "RED", c.red(), "NOT_ASSESSED", c.notAssessed(), "ACCEPTED", c.accepted(), "OVERDUE", c.overdue()))
                .toList());
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("chartSeries", COLORS.entrySet().stream().map(e -> Map.of("key", e.getKey().name(),
                "name", messages.getMessage(e.getKey().label(), null, locale), "color", e.getValue())).toList());
        if (child != null) {
            ChildPlan selected = implementation.children().stream().filter(c -> c.planId().equals(child)).findFirst()
                    .orElseThrow(() -> new NotFound("plan " + child + " does not implement plan " + planId));
            Show list = show == null ? Show.ALL : show;
            List<ChildTask> tasks = selected.tasks().stream().filter(list.includes).toList();
            model.addAttribute("selected", selected);
            model.addAttribute("show", list);
            model.addAttribute("listLabel", list.label());
            model.addAttribute("listed", tasks);
        }
        return "plans/implementation";
    }

    @GetMapping("/plans/{planId}/ledger.xlsx")
    void ledger(@PathVariable String planId, @AuthenticationPrincipal DubanUser user, Locale locale,
                HttpServletResponse response) throws IOException {
        download.send(planId, user, locale, response);
    }
}
