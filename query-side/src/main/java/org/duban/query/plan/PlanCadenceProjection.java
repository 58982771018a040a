package org.duban.query.plan;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.reporting.Cadence;
import org.duban.api.reporting.FindReportingCadence;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.query.ProjectionTables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** How often a plan's tasks report: the cadence, the due day and the working days of grace. */
@Component
@ProcessingGroup(PlanCadenceProjection.PROCESSING_GROUP)
@ProjectionTables("plan_cadence")
class PlanCadenceProjection {
    static final String PROCESSING_GROUP = "plan-cadence";

    private final JdbcTemplate jdbc;

    PlanCadenceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReportingCadenceSet event) {
        jdbc.update("delete from plan_cadence where plan_id = ?", event.planId());
        jdbc.update("insert into plan_cadence (plan_id, cadence, due_day, grace_working_days) values (?, ?, ?, ?)",
                event.planId(), event.cadence().name(), event.dueDay(), event.graceWorkingDays());
    }

    @QueryHandler
    Optional<ReportingCadenceSet> handle(FindReportingCadence query) {
        return jdbc.query("select * from plan_cadence where plan_id = ?", (rs, n) -> new ReportingCadenceSet(
                rs.getString("plan_id"), Cadence.valueOf(rs.getString("cadence")), rs.getInt("due_day"),
                rs.getInt("grace_working_days")), query.planId()).stream().findFirst();
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from plan_cadence");
    }
}
