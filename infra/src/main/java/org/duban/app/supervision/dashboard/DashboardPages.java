package org.duban.app.supervision.dashboard;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Role;
import org.duban.api.plan.FindPlan;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.PlanSummary;
import org.duban.api.supervision.FindOpenNotices;
import org.duban.api.supervision.FindOverdueReports;
import org.duban.api.supervision.FindPlanBoard;
import org.duban.api.supervision.FindPlanTrajectories;
import org.duban.api.supervision.FindStatusList;
import org.duban.api.supervision.FindUnitBoard;
import org.duban.api.supervision.IndicatorTrajectory;
import org.duban.api.supervision.NoticeAge;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.OpenNotice;
import org.duban.api.supervision.OverdueReport;
import org.duban.api.supervision.PlanBoard;
import org.duban.api.supervision.StatusFilter;
import org.duban.api.supervision.StatusRow;
import org.duban.api.supervision.UnitBoard;
import org.duban.api.unit.ListUnits;
import org.duban.api.unit.UnitView;
import org.duban.app.security.DubanUser;
import org.duban.app.security.WorkAccess;
import org.duban.app.web.NotFound;
import org.duban.process.WorkflowClock;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The supervisors' dashboards of a plan and a unit's own, and the lists behind each of their figures. A plan's
 * dashboard is for the supervisors of its office, administrators and auditors; a unit's for its own users and them.
 */
@Controller
class DashboardPages {
    private final QueryGateway queries;
    private final DashboardCharts charts;

    DashboardPages(QueryGateway queries, DashboardCharts charts) {
        this.queries = queries;
        this.charts = charts;
    }

    /** The navigation's way in: a unit's user goes to the unit's dashboard, anyone else chooses a plan. */
    @GetMapping("/dashboards")
    String index(@AuthenticationPrincipal DubanUser user, Model model) {
        if (user.role() == Role.UNIT_USER) {
            return "redirect:/units/" + WorkAccess.unitIdOf(user) + "/dashboard";
        }
        model.addAttribute("plans", queries.query(new ListPlans(), ResponseTypes.multipleInstancesOf(PlanSummary.class))
                .join().stream().filter(plan -> mayWatch(plan, user)).toList());
        return "supervision/dashboards";
    }

    @GetMapping("/plans/{planId}/dashboard")
    String plan(@PathVariable String planId, @AuthenticationPrincipal DubanUser user, Model model) {
        PlanSummary plan = watched(planId, user);
        LocalDate today = WorkflowClock.today();
        PlanBoard board = checked(() -> queries.query(new FindPlanBoard(planId, today),
                ResponseTypes.instanceOf(PlanBoard.class)).join());
        List<IndicatorTrajectory> trajectories = queries.query(new FindPlanTrajectories(planId),
                ResponseTypes.multipleInstancesOf(IndicatorTrajectory.class)).join();
        model.addAttribute("plan", plan);
        model.addAttribute("board", board);
        model.addAttribute("today", today);
        model.addAttribute("trajectories", trajectories);
        model.addAttribute("grades", NoticeGrade.values());
        model.addAttribute("ages", NoticeAge.values());
        model.addAttribute("filters", StatusFilter.values());
        model.addAttribute("chartData", charts.plan(board, trajectories));
        return "supervision/plan-dashboard";
    }

    @GetMapping("/plans/{planId}/dashboard/tasks")
    String tasks(@PathVariable String planId, @RequestParam(required = false) String section,
                 @RequestParam(required = false) String unit, @RequestParam(required = false) StatusFilter status,
                 @AuthenticationPrincipal DubanUser user, Model model) {
        model.addAttribute("plan", watched(planId, user));
        List<StatusRow> rows = checked(() -> queries.query(new FindStatusList(planId, section, unit, status),
                ResponseTypes.multipleInstancesOf(StatusRow.class)).join());
        model.addAttribute("rows", rows);
        model.addAttribute("status", status);
        model.addAttribute("section", section);
        model.addAttribute("sectionTitle", FindStatusList.OUTSIDE_SECTIONS.equals(section) ? null
                : rows.stream().map(StatusRow::sectionTitle).findFirst().orElse(null));
        model.addAttribute("unit", unit);
        model.addAttribute("unitName", rows.stream().map(StatusRow::leadUnitName).findFirst().orElse(unit));
        return "supervision/task-list";
    }

    @GetMapping("/plans/{planId}/dashboard/overdue")
    String overdue(@PathVariable String planId, @RequestParam(required = false) String unit,
                   @AuthenticationPrincipal DubanUser user, Model model) {
        model.addAttribute("plan", watched(planId, user));
        LocalDate today = WorkflowClock.today();
        List<OverdueReport> reports = checked(() -> queries.query(new FindOverdueReports(planId, unit, today),
                ResponseTypes.multipleInstancesOf(OverdueReport.class)).join());
        model.addAttribute("reports", reports);
        model.addAttribute("today", today);
        return "supervision/overdue-list";
    }

    @GetMapping("/plans/{planId}/dashboard/notices")
    String notices(@PathVariable String planId, @RequestParam(required = false) NoticeGrade grade,
                   @RequestParam(required = false) NoticeAge age, @AuthenticationPrincipal DubanUser user, Model model) {
        model.addAttribute("plan", watched(planId, user));
        List<OpenNotice> notices = checked(() -> queries.query(new FindOpenNotices(planId, null, grade, age,
                WorkflowClock.today()), ResponseTypes.multipleInstancesOf(OpenNotice.class)).join());
        model.addAttribute("notices", notices);
        model.addAttribute("grade", grade);
        model.addAttribute("age", age);
        return "supervision/notice-list";
    }

    @GetMapping("/units/{unitId}/dashboard")
    String unit(@PathVariable String unitId, @RequestParam(required = false) StatusFilter status,
                @AuthenticationPrincipal DubanUser user, Model model) {
        boolean own = user.role() == Role.UNIT_USER && unitId.equals(WorkAccess.unitIdOf(user));
        if (!own && !OFFICE_WIDE.contains(user.role())) {
            throw new AccessDeniedException("only the unit's own users, supervisors, administrators and auditors may "
                    + "see a unit's dashboard");
        }
        UnitView unit = queries.query(new ListUnits(), ResponseTypes.multipleInstancesOf(UnitView.class)).join().stream()
                .filter(candidate -> candidate.unitId().equals(unitId)).findFirst()
                .orElseThrow(() -> new NotFound("unit " + unitId + " is not registered"));
        LocalDate today = WorkflowClock.today();
        UnitBoard board = checked(() -> queries.query(new FindUnitBoard(unitId, today),
                ResponseTypes.instanceOf(UnitBoard.class)).join());
        model.addAttribute("unit", unit);
        model.addAttribute("board", board);
        model.addAttribute("status", status);
        model.addAttribute("taskRows", board.taskRows().stream().filter(row -> status == null
                || (status == StatusFilter.UNASSESSED ? row.status() == null
                : row.status() != null && row.status().name().equals(status.name()))).toList());
        model.addAttribute("today", today);
        model.addAttribute("grades", NoticeGrade.values());
        model.addAttribute("filters", StatusFilter.values());
        model.addAttribute("chartData", charts.unit(board));
        return "supervision/unit-dashboard";
    }

    private static final List<Role> OFFICE_WIDE = List.of(Role.SUPERVISOR, Role.ADMIN, Role.AUDITOR);

    private PlanSummary watched(String planId, DubanUser user) {
        PlanSummary plan = queries.query(new FindPlan(planId), ResponseTypes.optionalInstanceOf(PlanSummary.class))
                .join().orElseThrow(() -> new NotFound("plan " + planId + " does not exist"));
        if (!mayWatch(plan, user)) {
            throw new AccessDeniedException("only a supervisor of " + plan.supervisingUnit()
                    + ", an administrator or an auditor may see this plan's dashboard");
        }
        return plan;
    }

    private static boolean mayWatch(PlanSummary plan, DubanUser user) {
        return user.role() == Role.AUDITOR || WorkAccess.supervises(plan.supervisingUnit(), user);
    }

    /** A filter the queries refuse (an identifier with spaces, too long) is the request's fault: 400 naming it. */
    private static <T> T checked(Supplier<T> answer) {
        try {
            return answer.get();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
    }
}
