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
import org.duban.app.security.DubanUser;
import org.duban.app.security.WorkAccess;
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
    private final QueryGateway queries;

    HomePages(QueryGateway queries) {
        this.queries = queries;
    }

    /** A plan with its progress, as a row of the supervisor's table. */
    public record PlanRow(PlanSummary plan, PlanProgress progress) {
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
        return "home";
    }
}
