package org.duban.app.reporting;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PlanTrees;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/** Periods open by the calendar: once per task, for tasks acknowledged since, never for a draft or an ended plan. */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class PeriodOpeningIT {
    @Autowired
    TestRestTemplate http;
    @Autowired
    PlanReporting reporting;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void the_current_period_opens_once_for_each_acknowledged_task() {
        LocalDate day = LocalDate.of(2026, 10, 15);
        ClockUtil.setCurrentTime(WorkflowClock.startOf(day));
        String draft = planId();
        String planId = planId();
        call("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-request", Map.of());
        call("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-approval", Map.of());
        List<String> health = healthTasks(planId);
        call("health", HttpMethod.POST, "/api/tasks/" + health.get(0) + "/acknowledgement", Map.of());
        call("supervisor", HttpMethod.PUT, "/api/plans/" + draft + "/reporting-cadence", Map.of("cadence", "QUARTERLY"));
        call("supervisor", HttpMethod.PUT, "/api/plans/" + planId + "/reporting-cadence", Map.of("cadence", "QUARTERLY"));

        // other tests' plans share this database: only this test's two plans are looked at
        Function<LocalDate, List<PlanReporting.PeriodOpened>> open = on -> reporting
                .openCurrentPeriods(on).stream().filter(o -> o.planId().equals(planId) || o.planId().equals(draft))
                .toList();
        assertThat(open.apply(day)).singleElement().satisfies(opened -> {
            assertThat(opened.planId()).isEqualTo(planId);
            assertThat(opened.period()).isEqualTo("2026-Q4");
            assertThat(opened.reports()).isEqualTo(1);
        });
        assertThat(open.apply(day.plusDays(1))).isEmpty();

        call("health", HttpMethod.POST, "/api/tasks/" + health.get(1) + "/acknowledgement", Map.of());
        assertThat(open.apply(day.plusDays(2))).singleElement()
                .satisfies(opened -> assertThat(opened.reports()).isEqualTo(1));
        assertThat(periods(health.get(0))).containsExactly("2026-Q4");
        assertThat(periods(health.get(1))).containsExactly("2026-Q4");
        // a supervisor opening the same period by hand adds nothing either
        assertThat(call("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/reporting-periods",
                Map.of("period", "2026-Q4")).get("reports")).isEqualTo(0);
        // the plan ends in 2027
        assertThat(open.apply(LocalDate.of(2028, 1, 5))).isEmpty();
    }

    private String planId() {
        return (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"), dazuPlan())
                .getBody().get("planId");
    }

    private List<String> healthTasks(String planId) {
        return PlanTrees.ledBy(http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree",
                Map.class), "区卫生健康委").stream().map(task -> (String) task.get("taskId")).toList();
    }

    private List<String> periods(String taskId) {
        Map detail = http.withBasicAuth("health", "duban").getForObject("/api/tasks/" + taskId, Map.class);
        return ((List<Map>) detail.get("reports")).stream().map(report -> (String) report.get("periodKey")).toList();
    }

    private Map call(String user, HttpMethod method, String path, Map body) {
        var response = http.withBasicAuth(user, "duban").exchange(path, method, new HttpEntity<>(body), Map.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " → " + response.getBody()).isTrue();
        return response.getBody();
    }
}
