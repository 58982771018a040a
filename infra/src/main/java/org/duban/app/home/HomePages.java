package org.duban.app.home;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Role;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanSummary;
import org.duban.api.reporting.FindPlanProgress;
import org.duban.api.reporting.FindUnitProgress;
import org.duban.api.reporting.PlanProgress;
import org.duban.api.reporting.UnitProgress;
import org.duban.api.unit.FindUnitTasks;
import org.duban.api.unit.UnitTasks;
import org.duban.api.evaluation.RoundSummary;
import org.duban.app.evaluation.EvaluationWork;
import org.duban.app.security.DubanUser;
import org.duban.app.security.WorkAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/**
 * The start page, per role: a unit's counts and next deadlines; for supervisors and administrators each plan they
 * oversee in numbers; for auditors and evaluators the plans and where to look.
 */
@Controller
class HomePages {
    static final int DEADLINES = 8;
    private static final Logger log = LoggerFactory.getLogger(HomePages.class);
    private final QueryGateway queries;
    private final EvaluationWork evaluation;

    HomePages(QueryGateway queries, EvaluationWork evaluation) {
        this.queries = queries;
        this.evaluation = evaluation;
    }

    /** A plan with its progress, as a row of the supervisor's table. */
    public record PlanRow(PlanSummary plan, PlanProgress progress) {
    }

    /** The evaluation rounds under way that the user takes part in; the page is worth more than this list. */
    private List<RoundSummary> openRounds(DubanUser user) {
        try {
            return evaluation.list(null, user).stream().filter(round -> round.phase().isOpen()).toList();
        } catch (RuntimeException e) {
            log.warn("the evaluation rounds for the start page could not be read: {}", e.toString());
            return List.of();
        }
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal DubanUser user, Model model) {
        List<PlanSummary> plans = queries.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanSummary.class))
                .join();
        model.addAttribute("role", user.role().name());
        switch (user.role()) {
            case UNIT_USER -> {
                String unitId = WorkAccess.unitIdOf(user);
                if (unitId != null) {
                    model.addAttribute("progress", queries.query(new FindUnitProgress(unitId, DEADLINES),
                            ResponseTypes.instanceOf(UnitProgress.class)).join());
                    model.addAttribute("tasks", queries.query(new FindUnitTasks(unitId),
                            ResponseTypes.instanceOf(UnitTasks.class)).join());
                }
            }
            case SUPERVISOR, ADMIN -> model.addAttribute("rows", plans.stream()
                    .filter(plan -> user.role() == Role.ADMIN || WorkAccess.supervises(plan.supervisingUnit(), user))
                    .map(plan -> new PlanRow(plan, queries.query(new FindPlanProgress(plan.planId()),
                            ResponseTypes.instanceOf(PlanProgress.class)).join()))
                    .toList());
            default -> model.addAttribute("plans", plans);
        }
        model.addAttribute("evaluationRounds", openRounds(user));
        return "home";
    }
}
