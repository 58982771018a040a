package org.duban.app.supervision.dashboard;

import org.axonframework.eventhandling.gateway.EventGateway;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.TaskStatusChanged;
import org.duban.app.support.PlanTrees;
import org.duban.process.WorkflowClock;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * The Dazu plan as the dashboards' tests find it: published on 15 October 2026 with a quarterly cadence; three tasks
 * of the health commission acknowledged and reporting for 2026-Q4; the first report accepted, the other two left
 * until their timers mark them overdue (the engine's clock is moved past their overdue day and the job executor runs
 * them). The status events a status rule would cause are published on the event bus, in a transaction, as the
 * aggregates will publish them: task 1 green, task 2 red, task 3 amber and then red; the other tasks are not assessed.
 * Three open notices and one closed out are rows of {@code supervision_case}, whose projection belongs to the notices'
 * part and is not in this branch.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class DashboardScenario {
    static final String HEALTH = "区卫生健康委";

    final String planId;
    final String healthUnitId;
    final List<String> tasks;
    final int taskCount;
    final LocalDate dueOn;
    final LocalDate today;

    private DashboardScenario(String planId, String healthUnitId, List<String> tasks, int taskCount, LocalDate dueOn,
                              LocalDate today) {
        this.planId = planId;
        this.healthUnitId = healthUnitId;
        this.tasks = tasks;
        this.taskCount = taskCount;
        this.dueOn = dueOn;
        this.today = today;
    }

    static DashboardScenario build(TestRestTemplate http, EventGateway events, TransactionTemplate transactions,
                                   JdbcTemplate jdbc, String title) {
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        Map<String, String> fields = dazuPlan();
        fields.put("title", title);
        String planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                fields).getBody().get("planId");
        assertThat(post(http, "supervisor", "/api/plans/" + planId + "/publication-request", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(post(http, "supervisor", "/api/plans/" + planId + "/publication-approval", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        Map tree = http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree", Map.class);
        List<Map> health = PlanTrees.ledBy(tree, HEALTH);
        assertThat(health).hasSizeGreaterThanOrEqualTo(3);
        List<String> tasks = health.subList(0, 3).stream().map(task -> (String) task.get("taskId")).toList();
        String healthUnitId = (String) ((Map) health.get(0).get("leadUnit")).get("unitId");
        for (String taskId : tasks) {
            assertThat(post(http, "health", "/api/tasks/" + taskId + "/acknowledgement", Map.of()).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        http.withBasicAuth("supervisor", "duban").exchange("/api/plans/" + planId + "/reporting-cadence", HttpMethod.PUT,
                new HttpEntity<>(Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)), Map.class);
        Map opened = post(http, "supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4"))
                .getBody();
        assertThat(opened).containsEntry("reports", 3);
        LocalDate dueOn = LocalDate.parse((String) opened.get("dueOn"));
        LocalDate overdueOn = LocalDate.parse((String) opened.get("overdueOn"));

        String accepted = "/api/tasks/" + tasks.get(0) + "/reports/2026-Q4";
        assertThat(post(http, "health", accepted + "/submission", Map.of("narrative", "区中医院二期工程完成主体结构。",
                "status", "IN_PROGRESS", "percent", 60)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(http, "supervisor", accepted + "/review", Map.of("accepted", true, "reason", "同意"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        // past the overdue day: the timers of the two reports left open mark them overdue
        LocalDate today = overdueOn.plusDays(1);
        ClockUtil.setCurrentTime(WorkflowClock.startOf(today));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> tasks.subList(1, 3)
                .stream().allMatch(taskId -> Boolean.TRUE.equals(report(http, taskId).get("overdue"))));
        assertThat(report(http, tasks.get(0))).containsEntry("overdue", false);

        LocalDate assessed = today.minusDays(1);
        transactions.executeWithoutResult(status -> {
            events.publish(new TaskStatusChanged(tasks.get(0), planId, healthUnitId, null, RagStatus.GREEN,
                    "task.on-schedule", Map.of("reportedPercent", "60"), assessed));
            events.publish(new TaskStatusChanged(tasks.get(1), planId, healthUnitId, null, RagStatus.RED,
                    "task.overdue-report", Map.of("overdueReports", "1"), assessed));
            events.publish(new TaskStatusChanged(tasks.get(2), planId, healthUnitId, null, RagStatus.AMBER,
                    "task.behind-schedule", Map.of("elapsedShare", "0.6"), assessed));
            events.publish(new TaskStatusChanged(tasks.get(2), planId, healthUnitId, RagStatus.AMBER, RagStatus.RED,
                    "task.overdue-report", Map.of("overdueReports", "1"), today));
        });

        notice(jdbc, planId, tasks.get(1), healthUnitId, NoticeGrade.NOTICE, "ISSUED", today.minusDays(2));
        notice(jdbc, planId, tasks.get(2), healthUnitId, NoticeGrade.REMINDER, "RECTIFYING", today.minusDays(12));
        notice(jdbc, planId, tasks.get(2), healthUnitId, NoticeGrade.LISTED, "ISSUED", today.minusDays(40));
        notice(jdbc, planId, tasks.get(0), healthUnitId, NoticeGrade.NOTICE, "CLOSED_OUT", today.minusDays(50));
        return new DashboardScenario(planId, healthUnitId, tasks, PlanTrees.allTasks(tree).size(), dueOn, today);
    }

    private static void notice(JdbcTemplate jdbc, String planId, String taskId, String unitId, NoticeGrade grade,
                               String stage, LocalDate issued) {
        Timestamp at = Timestamp.from(issued.atTime(9, 0).atZone(WorkflowClock.ZONE).toInstant());
        jdbc.update("insert into supervision_case (case_id, plan_id, office, task_id, unit_id, unit_name, grade, "
                        + "case_trigger, stage, issued_at, updated_at) values (?, ?, '区政府督查室', ?, ?, ?, ?, 'MANUAL', ?, ?, ?)",
                "case-" + UUID.randomUUID(), planId, taskId, unitId, HEALTH, grade.name(), stage, at, at);
    }

    private static Map report(TestRestTemplate http, String taskId) {
        Map task = http.withBasicAuth("supervisor", "duban").getForObject("/api/tasks/" + taskId, Map.class);
        return ((List<Map>) task.get("reports")).get(0);
    }

    private static ResponseEntity<Map> post(TestRestTemplate http, String user, String path, Object body) {
        return http.withBasicAuth(user, "duban").postForEntity(path, body, Map.class);
    }
}
