package org.duban.app.supervision.status;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.api.indicator.IndicatorValueRecorded;
import org.duban.api.indicator.ValueSource;
import org.duban.api.supervision.IndicatorStatusChanged;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.TaskStatusChanged;
import org.duban.app.support.EventMark;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.EngineClock;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.app.support.PlanTrees.allTasks;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * The Dazu plan in execution: an accepted report's indicator value is recorded and changes the indicator's status, the
 * acceptance and an overdue report change their tasks' statuses, each with its rule and figures, in the transaction
 * of the event that caused it; the daily run records nothing when nothing changed.
 */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class StatusAssessmentIT {
    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore events;
    @Autowired
    StatusAssessment assessment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;

    @AfterEach
    void resetClock() {
        EngineClock.resetAndSettle(management);
    }

    @Test
    void reports_values_and_overdue_marks_change_the_statuses_and_the_daily_run_only_what_changed() {
        String planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        post("supervisor", "/api/plans/" + planId + "/publication-request", Map.of());
        post("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of());
        Map tree = get("supervisor", "/api/plans/" + planId + "/tree");
        List<Map> healthTasks = allTasks(tree).stream()
                .filter(task -> ((Map) task.get("leadUnit")).get("name").equals("区卫生健康委")).toList();
        String taskA = (String) healthTasks.get(0).get("taskId");
        String taskB = (String) healthTasks.get(1).get("taskId");
        // 市级中医重点（特色）专科: 11 in 2024, 13—15 in 2027
        String indicatorId = (String) ((List<Map>) tree.get("indicators")).stream()
                .filter(indicator -> indicator.get("name").equals("市级中医重点（特色）专科")).findFirst().orElseThrow()
                .get("indicatorId");
        assertThat(post("health", "/api/tasks/" + taskA + "/acknowledgement", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(post("health", "/api/tasks/" + taskB + "/acknowledgement", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        put("supervisor", "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3));
        ResponseEntity<Map> opened = post("supervisor", "/api/plans/" + planId + "/reporting-periods",
                Map.of("period", "2026-Q4"));
        assertThat(opened.getBody()).containsEntry("reports", 2);
        String overdueOn = (String) opened.getBody().get("overdueOn");

        // A reports 60 % and the indicator at 12; the supervisor accepts
        String q4 = "/api/tasks/" + taskA + "/reports/2026-Q4";
        assertThat(post("health", q4 + "/submission", Map.of("narrative", "新增市级中医重点专科1个。",
                "status", "IN_PROGRESS", "percent", 60,
                "indicatorValues", List.of(Map.of("indicatorId", indicatorId, "value", "12")))).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(post("supervisor", q4 + "/review", Map.of("accepted", true, "reason", "同意")).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        assertThat(payloads(indicatorId, IndicatorValueRecorded.class)).singleElement().satisfies(value -> {
            assertThat(value.periodKey()).isEqualTo("2026-Q4");
            assertThat(value.value()).isEqualByComparingTo("12");
            assertThat(value.source()).isEqualTo(ValueSource.REPORT);
            assertThat(value.taskId()).isEqualTo(taskA);
            assertThat(value.version()).isEqualTo(1);
        });
        // on 15 October 2026 the path from 11 (end of 2024) to 13 (end of 2027) stands at 12.19: 12 is 9.6 % of the
        // way behind, within the expected indicator's amber gap
        assertThat(payloads(indicatorId, IndicatorStatusChanged.class)).singleElement().satisfies(change -> {
            assertThat(change.fromStatus()).isNull();
            assertThat(change.toStatus()).isEqualTo(RagStatus.GREEN);
            assertThat(change.rule()).isEqualTo("indicator.on-schedule");
            assertThat(change.values()).containsEntry("latestValue", "12").containsEntry("target", "13—15")
                    .containsEntry("goal", "13").containsEntry("onSchedule", "12.192").containsEntry("gap", "9.6");
            assertThat(change.asOf()).isEqualTo(LocalDate.of(2026, 10, 15));
        });
        assertThat(payloads(taskA, TaskStatusChanged.class)).singleElement().satisfies(change -> {
            assertThat(change.toStatus()).isEqualTo(RagStatus.GREEN);
            assertThat(change.rule()).isEqualTo("task.on-schedule");
            assertThat(change.values()).containsEntry("reportedPercent", "60");
            assertThat(change.planId()).isEqualTo(planId);
        });

        // B's report is never submitted: its timers mark it overdue when the clock passes the date
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.parse(overdueOn).plusDays(1)));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> !payloads(taskB, TaskStatusChanged.class).isEmpty());
        assertThat(payloads(taskB, TaskStatusChanged.class)).singleElement().satisfies(change -> {
            assertThat(change.fromStatus()).isNull();
            assertThat(change.toStatus()).isEqualTo(RagStatus.RED);
            assertThat(change.rule()).isEqualTo("task.overdue-report");
            assertThat(change.values()).containsEntry("overdueReports", "1");
        });
        // the change is stored with the mark, in its transaction
        assertThat(eventTypes(taskB)).containsSubsequence("ReportMarkedOverdue", "ReportEscalated", "TaskStatusChanged");

        // the daily run: a first run judges what time alone changed; a second on the same day records nothing
        LocalDate day = LocalDate.parse(overdueOn).plusDays(1);
        StatusAssessment.Run first = assessment.assessAll(day);
        assertThat(first.plans()).isGreaterThanOrEqualTo(1);
        EventMark stored = EventMark.now(jdbc);
        StatusAssessment.Run second = assessment.assessAll(day);
        assertThat(second.tasksChanged()).isZero();
        assertThat(second.indicatorsChanged()).isZero();
        assertThat(stored.eventsByPeople()).isZero();
        assertThat(payloads(taskB, TaskStatusChanged.class)).hasSize(1);
    }

    private <T> List<T> payloads(String aggregateId, Class<T> type) {
        return events.readEvents(aggregateId).asStream().map(Message::getPayload).filter(type::isInstance)
                .map(type::cast).toList();
    }

    private List<String> eventTypes(String aggregateId) {
        return events.readEvents(aggregateId).asStream().map(event -> event.getPayloadType().getSimpleName()).toList();
    }

    private Map get(String user, String path) {
        return http.withBasicAuth(user, "duban").getForObject(path, Map.class);
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }

    private ResponseEntity<Map> put(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }
}
