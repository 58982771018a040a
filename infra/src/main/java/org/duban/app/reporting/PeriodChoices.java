package org.duban.app.reporting;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.plan.FindPlan;
import org.duban.api.plan.PlanSummary;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.FindPlanProgress;
import org.duban.api.reporting.FindReportingCadence;
import org.duban.api.reporting.PlanProgress;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.process.WorkflowClock;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The periods a plan's cadence cuts its years into, each saying whether reports are open for it, so that a supervisor
 * picks a period instead of typing its key.
 */
@Component
public class PeriodChoices {
    private final QueryGateway queries;

    PeriodChoices(QueryGateway queries) {
        this.queries = queries;
    }

    /**
     * @param open    reports are open for it (for at least one task)
     * @param current it contains today
     */
    public record Choice(String key, LocalDate start, LocalDate end, boolean open, boolean current) {
    }

    /** The plan's periods in time order; none while it has no cadence. */
    public List<Choice> of(String planId) {
        PlanSummary plan = queries.query(new FindPlan(planId), ResponseTypes.optionalInstanceOf(PlanSummary.class))
                .join().orElse(null);
        ReportingCadenceSet cadence = queries.query(new FindReportingCadence(planId),
                ResponseTypes.optionalInstanceOf(ReportingCadenceSet.class)).join().orElse(null);
        if (plan == null || cadence == null) {
            return List.of();
        }
        Set<String> open = queries.query(new FindPlanProgress(planId), ResponseTypes.instanceOf(PlanProgress.class))
                .join().periods().stream().map(PlanProgress.Period::periodKey).collect(Collectors.toSet());
        return periods(cadence.cadence(), plan.startYear(), plan.endYear(), open, WorkflowClock.today());
    }

    static List<Choice> periods(Cadence cadence, int startYear, int endYear, Set<String> open, LocalDate today) {
        List<Choice> choices = new ArrayList<>();
        LocalDate day = LocalDate.of(startYear, 1, 1);
        while (day.getYear() <= endYear) {
            ReportingPeriod period = cadence.periodOf(day);
            choices.add(new Choice(period.key(), period.start(), period.end(), open.contains(period.key()),
                    !today.isBefore(period.start()) && !today.isAfter(period.end())));
            day = period.end().plusDays(1);
        }
        return choices;
    }
}
