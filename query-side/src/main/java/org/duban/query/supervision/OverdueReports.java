package org.duban.query.supervision;

import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.reporting.ReportStatus;
import org.duban.api.supervision.FindLongOverdueReports;
import org.duban.api.supervision.FindLongOverdueReports.Report;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.Arrays;
import java.util.List;

/** Reads the reports projection's overdue reports for the supervision rules; it handles no event. */
@Component
class OverdueReports {
    private static final List<String> WITH_UNIT = Arrays.stream(ReportStatus.values()).filter(ReportStatus::isWithUnit)
            .map(Enum::name).toList();

    private final JdbcTemplate jdbc;

    OverdueReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<Report> handle(FindLongOverdueReports query) {
        return jdbc.query("select task_id, plan_id, period_key, overdue_on from task_report where overdue = true "
                        + "and overdue_on <= ? and status in (?, ?, ?) order by overdue_on, task_id, period_key",
                (rs, n) -> new Report(rs.getString("task_id"), rs.getString("plan_id"), rs.getString("period_key"),
                        rs.getDate("overdue_on").toLocalDate()),
                Date.valueOf(query.overdueOnOrBefore()), WITH_UNIT.get(0), WITH_UNIT.get(1), WITH_UNIT.get(2));
    }
}
