package org.duban.query.supervision;

import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.supervision.FindOpenCaseGrades;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.OpenCaseGrades;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The grades of a plan's open supervision cases by task, read from the case projection's table in one query per plan:
 * the status assessment gives them to every task of the plan. A case not closed out is open.
 */
@Component
class OpenCases {
    private final JdbcTemplate jdbc;

    OpenCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    OpenCaseGrades handle(FindOpenCaseGrades query) {
        Map<String, List<NoticeGrade>> byTask = new HashMap<>();
        jdbc.query("select task_id, grade from supervision_case where plan_id = ? and task_id is not null "
                        + "and stage <> 'CLOSED_OUT' order by task_id, grade",
                row -> {
                    byTask.computeIfAbsent(row.getString("task_id"), task -> new ArrayList<>())
                            .add(NoticeGrade.valueOf(row.getString("grade")));
                }, query.planId());
        byTask.replaceAll((task, grades) -> List.copyOf(grades));
        return new OpenCaseGrades(query.planId(), byTask);
    }
}
