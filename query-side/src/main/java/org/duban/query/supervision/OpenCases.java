package org.duban.query.supervision;

import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.supervision.FindOpenCaseGrades;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.OpenCaseGrades;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;


/**
 * The grades of a plan's open supervision cases, read from the case projection's table in one query per plan:
 * the status assessment gives them to every task of the plan. A case not closed out is open;
 * the closed ones are listed too, so that the task of a case just closed out is known.
 */
@Component
class OpenCases {
    /** the case view's stage of a case closed out (销号) */
    private static final String CLOSED_OUT = "CLOSED_OUT";
    private final JdbcTemplate jdbc;

    OpenCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    OpenCaseGrades handle(FindOpenCaseGrades query) {
        return new OpenCaseGrades(query.planId(), jdbc.query("select case_id, task_id, grade, stage from supervision_case "
                        + "where plan_id = ? and task_id is not null order by task_id, case_id",
                (row, index) -> new OpenCaseGrades.Case(row.getString("case_id"), row.getString("task_id"),
                        NoticeGrade.valueOf(row.getString("grade")), !CLOSED_OUT.equals(row.getString("stage"))),
                query.planId()));
    }
}
