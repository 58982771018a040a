package org.duban.app.reporting;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.plan.FindPlan;
import org.duban.api.plan.PlanSummary;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.FindReportingCadence;
import org.duban.api.reporting.FindTasksReporting;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.app.web.PeriodNames;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The reporting periods a plan's cadence makes of its years, in order, each with its name and whether it is open
 * (some task of the plan has its report): what a page offers to choose instead of a typed key.
 */
@Component
public class PeriodChoices {
    private final QueryGateway queries;
    private final PeriodNames names;

    PeriodChoices(QueryGateway queries, PeriodNames names) {
        this.queries = queries;
        this.names = names;
    }

    /** @param open some task of the plan reports for it */
    public record PeriodChoice(String key, String name, LocalDate start, LocalDate end, boolean open) {
    }

    /** Every period of the plan's years by its cadence; none while the plan has no cadence. */
    public List<PeriodChoice> of(String planId, Locale locale) {
        Optional<Cadence> cadence = queries.query(new FindReportingCadence(planId),
                ResponseTypes.optionalInstanceOf(ReportingCadenceSet.class)).join().map(ReportingCadenceSet::cadence);
        Optional<PlanSummary> plan = queries.query(new FindPlan(planId),
                ResponseTypes.optionalInstanceOf(PlanSummary.class)).join();
        if (cadence.isEmpty() || plan.isEmpty()) {
            return List.of();
        }
        List<PeriodChoice> choices = new ArrayList<>();
        LocalDate day = LocalDate.of(plan.get().startYear(), 1, 1);
        LocalDate end = LocalDate.of(plan.get().endYear(), 12, 31);
        while (!day.isAfter(end)) {
            ReportingPeriod period = cadence.get().periodOf(day);
            boolean open = !queries.query(new FindTasksReporting(planId, period.key()),
                    ResponseTypes.multipleInstancesOf(String.class)).join().isEmpty();
            choices.add(new PeriodChoice(period.key(), names.name(period.key(), locale), period.start(), period.end(),
                    open));
            day = period.end().plusDays(1);
        }
        return choices;
    }

    /** The periods already open, in order. */
    public List<PeriodChoice> open(String planId, Locale locale) {
        return of(planId, locale).stream().filter(PeriodChoice::open).toList();
    }
}
