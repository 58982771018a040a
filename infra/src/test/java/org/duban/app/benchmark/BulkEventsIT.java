package org.duban.app.benchmark;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.audit.chain.ChainVerifier;
import org.duban.app.rebuild.ProjectionRebuild;
import org.duban.app.rebuild.RebuildProgress;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PlanTrees;
import org.duban.app.support.Uploads;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk event generator on a plan worked through the application: the Dazu plan imported and published, the
 * health commission's tasks acknowledged, a quarter's report submitted, returned, submitted again and accepted.
 * Runs on both databases (COPY on PostgreSQL, batched inserts on H2).
 *
 * <p>With {@code -Dduban.bulk.events=N} (PostgreSQL) it also fills the store to N events and prints the rebuild's
 * figure beside a plain JDBC scan of the event table ({@link RebuildFigures}).
 */
@DubanIntegrationTest
// a context, and so a database, of its own: the copies are of every plan in the store, and the counts are of this one
@TestPropertySource(properties = "duban.test.own-database=bulk-events")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class BulkEventsIT {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    ChainVerifier chain;
    @LocalServerPort
    int port;

    private String planId;

    @BeforeAll
    void aPlanWorkedThroughTheApplication() {
        planId = Uploads.publishedDazuPlan(http);
        List<String> health = PlanTrees.ledBy(get("supervisor", "/api/plans/" + planId + "/tree"), "区卫生健康委").stream()
                .map(t -> (String) t.get("taskId")).toList();
        for (String task : health) {
            assertThat(post("health", "/api/tasks/" + task + "/acknowledgement", Map.of()).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        http.withBasicAuth("supervisor", "duban").exchange("/api/plans/" + planId + "/reporting-cadence", HttpMethod.PUT,
                new HttpEntity<>(Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)), Map.class);
        post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4"));
        String q4 = "/api/tasks/" + health.get(0) + "/reports/2026-Q4";
        Map content = Map.of("narrative", "区中医院二期工程完成主体结构。", "status", "IN_PROGRESS", "percent", 60,
                "difficulties", "资金缺口", "nextSteps", "完成装修");
        assertThat(post("health", q4 + "/submission", content).getStatusCode()).isEqualTo(HttpStatus.OK);
        post("supervisor", q4 + "/review", Map.of("accepted", false, "reason", "缺少资金到位佐证"));
        post("health", q4 + "/submission", content);
        assertThat(post("supervisor", q4 + "/review", Map.of("accepted", true, "reason", "同意")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @Order(1)
    void copies_of_a_plan_history_rebuild_into_as_many_more_plans_with_the_same_tasks() {
        long events = count("select count(*) from domain_event_entry");
        long history = count("select count(*) from domain_event_entry where type in ('Plan', 'Task', 'Indicator')");
        long tasks = count("select count(*) from plan_task");
        List<String> work = jdbc.queryForList("select status || ' ' || count(*) from task_work group by status "
                + "order by status", String.class);
        List<String> reports = jdbc.queryForList("select status || ' ' || count(*) from task_report group by status "
                + "order by status", String.class);
        assertThat(history).isGreaterThan(tasks);

        assertThat(BulkEvents.fill(dataSource, events + 2 * history)).isEqualTo(events + 2 * history);
        assertThat(count("select count(*) from domain_event_entry")).isEqualTo(events + 2 * history);
        RebuildProgress result = rebuild.runHere("all", progress -> {
        });

        assertThat(result.state()).as(result.line()).isEqualTo(RebuildProgress.State.SUCCEEDED);
        assertThat(result.eventsDone()).isEqualTo(events + 2 * history);
        assertThat(count("select count(*) from plan_summary")).isEqualTo(3);
        assertThat(jdbc.queryForList("select count(*) from plan_task group by plan_id", Long.class))
                .containsExactly(tasks, tasks, tasks);
        assertThat(jdbc.queryForList("select status || ' ' || (count(*) / 3) from task_work group by status "
                + "order by status", String.class)).isEqualTo(work);
        assertThat(jdbc.queryForList("select status || ' ' || (count(*) / 3) from task_report group by status "
                + "order by status", String.class)).isEqualTo(reports);
        assertThat(count("select count(*) from plan_summary where plan_id = '" + planId + "'")).isEqualTo(1);
        // the copies extend the hash chain: it verifies over them
        assertThat(chain.verify().intact()).as(chain.verify().describe()).isTrue();

        // and the application appends after them
        assertThat(post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2027-Q1"))
                .getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(count("select count(*) from domain_event_entry")).isGreaterThan(events + 2 * history);
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    @Order(2)
    @EnabledIfSystemProperty(named = "duban.bulk.events", matches = "\\d+")
    void rebuild_figures_over_a_bulk_store() {
        long target = Long.getLong("duban.bulk.events");
        long started = System.nanoTime();
        long stored = BulkEvents.fill(dataSource, target);
        System.out.printf("[duban-bulk] filled the store to %,d events in %.1f s%n", stored,
                (System.nanoTime() - started) / 1e9);
        RebuildProgress[] last = new RebuildProgress[1];
        RebuildFigures.Figures figures = RebuildFigures.measure(dataSource, () -> {
            last[0] = rebuild.runHere("all", progress -> {
            });
            if (last[0].state() != RebuildProgress.State.SUCCEEDED) {
                throw new IllegalStateException(last[0].line());
            }
        });
        System.out.println("[duban-bulk] " + figures.describe());
        System.out.println("[duban-bulk] as the run reports it: " + last[0].line());
        if (Boolean.getBoolean("duban.bulk.each")) {
            // where the time goes: each projection alone over the same events
            for (ProjectionRebuild.ProjectionRows projection : rebuild.projections()) {
                System.out.println("[duban-bulk] alone: " + rebuild.runHere(projection.name(), progress -> {
                }).line());
            }
        }
    }

    @Test
    @Order(3)
    void the_figures_of_a_rebuild_started_over_http_as_the_benchmark_starts_it() {
        RebuildFigures.Figures figures = RebuildFigures.measure(dataSource,
                RebuildFigures.overHttp("http://localhost:" + port, "admin", "duban"));

        assertThat(figures.events()).isEqualTo(count("select count(*) from domain_event_entry"));
        assertThat(figures.rebuildSeconds()).isPositive();
        assertThat(figures.ratio()).isPositive();
        assertThat(rebuild.progress().orElseThrow().state()).isEqualTo(RebuildProgress.State.SUCCEEDED);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private Map get(String user, String path) {
        return http.withBasicAuth(user, "duban").getForObject(path, Map.class);
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }
}
