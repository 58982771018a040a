package org.duban.app.reporting;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.CommandRefused;
import org.duban.api.Role;
import org.duban.api.plan.FindPlan;
import org.duban.api.plan.FindPlanAsOf;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.ListPlans;
import org.duban.api.plan.OpenPlanPeriod;
import org.duban.api.plan.PlanAsOf;
import org.duban.api.plan.PlanStatus;
import org.duban.api.plan.PlanSummary;
import org.duban.api.plan.PlanTree;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.FindReportingCadence;
import org.duban.api.reporting.FindTasksReporting;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.SetReportingCadence;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskSummary;
import org.duban.api.task.TaskView;
import org.duban.api.unit.UnitRef;
import org.duban.app.persistence.PlanLock;
import org.duban.app.security.DubanUser;
import org.duban.app.security.WorkAccess;
import org.duban.app.web.NotFound;
import org.duban.app.web.Retries;
import org.duban.process.reporting.ProgressReporting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A plan's reporting cadence and the opening of its reporting periods (for every acknowledged task), for the HTTP
 * API and the plan page alike. Only a supervisor of the plan changes them.
 */
@Component
public class PlanReporting {
    private static final Logger log = LoggerFactory.getLogger(PlanReporting.class);
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ProgressReporting reporting;
    private final TransactionTemplate transaction;
    private final Retries retries;
    private final PlanLock lock;

    PlanReporting(CommandGateway commands, QueryGateway queries, ProgressReporting reporting,
                     TransactionTemplate transaction, Retries retries, PlanLock lock) {
        this.retries = retries;
        this.lock = lock;
        this.commands = commands;
        this.queries = queries;
        this.reporting = reporting;
        this.transaction = transaction;
    }

    public record PeriodOpened(String planId, String period, LocalDate start, LocalDate end, LocalDate dueOn,
                        LocalDate overdueOn, int reports) {
    }

    public Optional<ReportingCadenceSet> cadence(String planId) {
        plan(planId);
        return queries.query(new FindReportingCadence(planId), ResponseTypes.optionalInstanceOf(ReportingCadenceSet.class))
                .join();
    }

    /**
     * The plan as it stood at a past moment, rebuilt from the events: for its supervisors, administrators, auditors
     * and evaluators, as it shows every unit's reports.
     */
    public PlanAsOf asOf(String planId, Instant at, DubanUser user) {
        PlanSummary plan = plan(planId);
        if (!WorkAccess.supervises(plan.supervisingUnit(), user) && user.role() != Role.AUDITOR
                && user.role() != Role.EVALUATOR) {
            throw new AccessDeniedException("the state of plan " + planId + " is read by its supervisors, auditors and "
                    + "evaluators");
        }
        return queries.query(new FindPlanAsOf(planId, at),
                        ResponseTypes.optionalInstanceOf(PlanAsOf.class)).join()
                .orElseThrow(() -> new NotFound("plan " + planId + " did not exist yet at " + at));
    }

    /** Unset due day and grace (null) take the plan's defaults. */
    public ReportingCadenceSet setCadence(String planId, Cadence cadence, Integer dueDay, Integer graceWorkingDays,
                                   DubanUser user) {
        requireSupervisor(plan(planId), user);
        commands.sendAndWait(new SetReportingCadence(planId, cadence, dueDay, graceWorkingDays));
        return cadence(planId).orElseThrow();
    }

    /**
     * Opens the period's report of every acknowledged task that has none yet, all or none; the first opening starts
     * execution. Opening again later adds the tasks acknowledged since.
     */
    public PeriodOpened openPeriod(String planId, String periodKey, DubanUser user) {
        // opened twice at once, the second waits for the first and then finds its reports open
        return retries.attempt("the reporting periods of plan " + planId, () -> {
            lock.hold(planId);
            return openPeriodOnce(planId, periodKey, user);
        });
    }

    private PeriodOpened openPeriodOnce(String planId, String periodKey, DubanUser user) {
        PlanSummary plan = plan(planId);
        requireSupervisor(plan, user);
        ReportingCadenceSet cadence = cadence(planId).orElseThrow(() -> new CommandRefused("plan.no-cadence",
                "plan " + planId + " has no reporting cadence yet; set one before opening a period"));
        return openPeriodOf(plan, cadence, cadence.cadence().period(periodKey));
    }

    /**
     * What the calendar does by itself: for every published plan with a cadence, the period containing the day
     * opens for the tasks that have no report for it yet, within the plan's years.
     */
    List<PeriodOpened> openCurrentPeriods(LocalDate day) {
        List<PeriodOpened> opened = new ArrayList<>();
        for (PlanSummary plan : queries.query(new ListPlans(),
                ResponseTypes.multipleInstancesOf(PlanSummary.class)).join()) {
            if (plan.status() != PlanStatus.PUBLISHED && plan.status() != PlanStatus.IN_EXECUTION) {
                continue;
            }
            Optional<ReportingCadenceSet> cadence = cadence(plan.planId());
            if (cadence.isEmpty() || day.getYear() > plan.endYear() || day.getYear() < plan.startYear()) {
                continue;
            }
            try {
                PeriodOpened result = retries.attempt("the reporting periods of plan " + plan.planId(), () -> {
                    lock.hold(plan.planId());
                    return openPeriodOf(plan, cadence.get(), cadence.get().cadence().periodOf(day));
                });
                if (result.reports() > 0) {
                    opened.add(result);
                }
            } catch (RuntimeException e) {
                // one plan refused must not keep the others from opening
                log.warn("the current period of plan {} could not be opened", plan.planId(), e);
            }
        }
        return opened;
    }

    private PeriodOpened openPeriodOf(PlanSummary plan, ReportingCadenceSet cadence, ReportingPeriod period) {
        String planId = plan.planId();
        if (plan.status() == PlanStatus.DRAFT || plan.status() == PlanStatus.CLOSED) {
            throw new CommandRefused("plan.not-executable", "plan " + planId + " is " + plan.status()
                    + "; reports are opened for published plans");
        }
        PlanTree tree = queries.query(new FindPlanTree(planId), ResponseTypes.optionalInstanceOf(PlanTree.class)).join()
                .orElseThrow(() -> new NotFound("plan " + planId + " does not exist"));
        // each task decides whether it opens (acknowledged, not closed, no report for the period yet); the view
        // only spares loading the tasks whose report is open already
        Set<String> reporting = Set.copyOf(queries.query(new FindTasksReporting(planId, period.key()),
                ResponseTypes.multipleInstancesOf(String.class)).join());
        List<TaskSummary> waiting = queries.query(new FindTaskSummaries(tree.allTasks().stream().map(TaskView::taskId)
                        .filter(taskId -> !reporting.contains(taskId)).toList()),
                ResponseTypes.multipleInstancesOf(TaskSummary.class)).join();
        LocalDate dueOn = this.reporting.dueOn(period, cadence.dueDay());
        LocalDate overdueOn = this.reporting.overdueOn(dueOn, cadence.graceWorkingDays());
        int started = transaction.execute(status -> {
            // the plan checks who opens, the period's place in its years and cadence, and starts execution
            commands.sendAndWait(new OpenPlanPeriod(planId, period.key()));
            int reports = 0;
            for (TaskSummary task : waiting) {
                if (this.reporting.startReport(task.taskId(), period, task.leadUnit().unitId(),
                        task.coUnits().stream().map(UnitRef::unitId).toList(), dueOn, overdueOn)) {
                    reports++;
                }
            }
            return reports;
        });
        return new PeriodOpened(planId, period.key(), period.start(), period.end(), dueOn, overdueOn, started);
    }

    private PlanSummary plan(String planId) {
        return queries.query(new FindPlan(planId), ResponseTypes.optionalInstanceOf(PlanSummary.class)).join()
                .orElseThrow(() -> new NotFound("plan " + planId + " does not exist"));
    }

    private static void requireSupervisor(PlanSummary plan, DubanUser user) {
        if (!WorkAccess.supervises(plan.supervisingUnit(), user)) {
            throw new AccessDeniedException("only a supervisor of " + (plan.supervisingUnit() == null ? "the plan"
                    : plan.supervisingUnit()) + " may do this");
        }
    }
}
