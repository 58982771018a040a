package org.duban.query.supervision;

import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.supervision.FindTasksRedTwoPeriods;
import org.duban.api.supervision.FindTasksRedTwoPeriods.Task;
import org.duban.api.supervision.RagStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reports' periods and the status changes for the rule "a task red at the end of two periods in a row",
 * in one query for every task; it handles no event.
 */
@Component
class TasksRedTwoPeriods {
    /*
     * Each task's two latest periods ended before today, with the status the latest change on or before the period's
     * last day set (on the same as-of day, the later recorded change wins); only the red ends are answered, so a task
     * is listed when both of its two rows come back.
     */
    private static final String RED_AT_PERIOD_ENDS = """
            select task_id, plan_id, period_key from (
                select r.task_id, r.plan_id, r.period_key, r.period_end,
                       (select s.to_status from status_change s
                         where s.task_id = r.task_id and s.as_of <= r.period_end
                         order by s.as_of desc, s.changed_at desc, s.id desc
                         fetch first 1 rows only) as status_at_end
                  from (select task_id, plan_id, period_key, period_end,
                               row_number() over (partition by task_id order by period_end desc, period_key desc) as n
                          from task_report where period_end < ?) r
                 where r.n <= 2) ends
             where status_at_end = ?
             order by task_id, period_end, period_key""";

    private final JdbcTemplate jdbc;

    TasksRedTwoPeriods(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<Task> handle(FindTasksRedTwoPeriods query) {
        Map<String, List<String[]>> redEnds = new LinkedHashMap<>();
        jdbc.query(RED_AT_PERIOD_ENDS, rs -> {
            redEnds.computeIfAbsent(rs.getString("task_id"), id -> new ArrayList<>())
                    .add(new String[]{rs.getString("plan_id"), rs.getString("period_key")});
        }, Date.valueOf(query.today()), RagStatus.RED.name());
        List<Task> red = new ArrayList<>();
        redEnds.forEach((taskId, ends) -> {
            if (ends.size() == 2) {
                red.add(new Task(taskId, ends.get(1)[0], ends.get(0)[1], ends.get(1)[1]));
            }
        });
        return red;
    }
}
