package org.duban.app.rebuild;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.Uploads;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the build: measures what a rebuild of every projection costs on a store of some size (the demo data,
 * four more copies of the Dazu plan published, every task of the two unit accounts acknowledged, a quarter opened).
 * Run with {@code -Dit.test=RebuildCostIT -Dduban.measure.rebuild=true}; figures go to docs/REBUILD.md.
 */
@DubanIntegrationTest
// publishing a plan on a busy host may take longer than Axon's 60 s bound for a command
@TestPropertySource(properties = {"duban.demo.enabled=true", "axon.timeout.transaction.command-bus.timeout-ms=600000",
        "axon.timeout.handler.commands.timeout-ms=600000"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "duban.measure.rebuild", matches = "true")
@SuppressWarnings({"rawtypes", "unchecked"})
class RebuildCostIT {
    private static final Map<String, String> UNIT_ACCOUNTS = Map.of("区卫生健康委", "health", "区市场监管局", "market");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionRebuild rebuild;

    @BeforeAll
    void aStoreOfSomeSize() {
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        for (int copy = 0; copy < 4; copy++) {
            String planId = (String) Uploads.upload(http, "supervisor", "dazu.csv",
                    Uploads.sample("dazu-tcm-task-decomposition-2024.csv"), Uploads.dazuPlan()).getBody().get("planId");
            post("supervisor", "/api/plans/" + planId + "/publication-request", Map.of());
            assertThat(post("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of()).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            List<Map> tasks = new ArrayList<>();
            collect((List<Map>) http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree",
                    Map.class).get("sections"), tasks);
            for (Map task : tasks) {
                String account = UNIT_ACCOUNTS.get(((Map) task.get("leadUnit")).get("name"));
                if (account != null) {
                    post(account, "/api/tasks/" + task.get("taskId") + "/acknowledgement", Map.of());
                }
            }
            http.withBasicAuth("supervisor", "duban").exchange("/api/plans/" + planId + "/reporting-cadence", HttpMethod.PUT,
                    new HttpEntity<>(Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)), Map.class);
            post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4"));
        }
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void rebuilding_every_projection_three_times() {
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        for (int run = 1; run <= 3; run++) {
            System.gc();
            RebuildProgress result = rebuild.runHere("all", progress -> {
            });
            assertThat(result.state()).isEqualTo(RebuildProgress.State.SUCCEEDED);
            System.out.printf("[duban-measure] run %d: %d events in %d ms, %.0f events/s (store %d events)%n", run,
                    result.eventsDone(), result.durationMillis(), result.eventsPerSecond(), events);
        }
    }

    private static void collect(List<Map> sections, List<Map> into) {
        for (Map section : sections) {
            into.addAll((List<Map>) section.get("tasks"));
            collect((List<Map>) section.get("children"), into);
        }
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }
}
