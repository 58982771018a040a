package org.duban.app.notification;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskSummary;
import org.duban.api.unit.FindUnitNotificationChannels;
import org.duban.api.unit.UnitNotificationChannels;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Reads the views in the transaction of the event being notified. Tasks and channels through their queries; the unit,
 * indicator and case names straight from their tables, which the same unit of work has already brought up to date.
 */
@Component
class QueryNotificationDirectory implements NotificationDirectory {
    private final QueryGateway queries;
    private final JdbcTemplate jdbc;

    QueryNotificationDirectory(QueryGateway queries, JdbcTemplate jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TaskFacts> task(String taskId) {
        return queries.query(new FindTaskSummaries(List.of(taskId)), ResponseTypes.multipleInstancesOf(TaskSummary.class))
                .join().stream().findFirst().map(t -> new TaskFacts(t.taskId(), t.text(), t.leadUnit()));
    }

    @Override
    public String unitName(String unitId) {
        return jdbc.queryForList("select name from unit_registry where unit_id = ?", String.class, unitId).stream()
                .findFirst().orElse(unitId);
    }

    @Override
    public Optional<String> indicatorName(String indicatorId) {
        return jdbc.queryForList("select name from plan_indicator where indicator_id = ?", String.class, indicatorId)
                .stream().filter(name -> name != null && !name.isBlank()).findFirst();
    }

    @Override
    public Optional<CaseFacts> supervisionCase(String caseId) {
        return jdbc.query("select task_id, period_key, indicator_id, grade from supervision_case where case_id = ?",
                (rs, i) -> new CaseFacts(rs.getString("task_id"), rs.getString("period_key"),
                        rs.getString("indicator_id"), NoticeGrade.valueOf(rs.getString("grade"))), caseId)
                .stream().findFirst();
    }

    @Override
    public Optional<UnitNotificationChannels> channels(String unitId) {
        return queries.query(new FindUnitNotificationChannels(unitId),
                ResponseTypes.optionalInstanceOf(UnitNotificationChannels.class)).join();
    }
}
