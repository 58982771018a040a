package org.duban.app.rebuild;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.TestDatabases;
import org.duban.app.support.Uploads;
import org.duban.process.WorkflowClock;
import org.duban.query.probe.FailingProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One truth or none. A projection that cannot apply an event (here {@link FailingProbe}, a projection of the tests
 * that fails on a marked return reason) fails the command that caused it: the answer is a problem, no event is stored,
 * the workflow step stays open and no view changes. Before this was so, Axon only logged such a failure, stored the
 * event and answered 2xx. A rebuild over a store holding an event that a projection cannot apply stops, names that
 * event, and leaves every view as it was, including the events appended while it ran.
 */
@DubanIntegrationTest
@Import(ProjectionFailureIT.Probe.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class ProjectionFailureIT {
    private static final String PERIOD = "2026-Q4";

    @TestConfiguration(proxyBeanMethods = false)
    static class Probe {
        @Bean
        FailingProbe failingProbe() {
            return new FailingProbe();
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService camundaTasks;
    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    FailingProbe probe;

    private String reportedTask;
    private String report;
    private String unacknowledgedTask;
    private Map content;

    @BeforeAll
    void aReportWaitingForReview() {
        String planId = (String) Uploads.upload(http, "supervisor", "dazu.csv",
                Uploads.sample("dazu-tcm-task-decomposition-2024.csv"), Uploads.dazuPlan()).getBody().get("planId");
        post("supervisor", "/api/plans/" + planId + "/publication-request", Map.of());
        post("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of());
        List<Map> tasks = new ArrayList<>();
        collect((List<Map>) http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree",
                Map.class).get("sections"), tasks);
        List<String> health = tasks.stream().filter(t -> ((Map) t.get("leadUnit")).get("name").equals("区卫生健康委"))
                .map(t -> (String) t.get("taskId")).toList();
        reportedTask = health.get(0);
        unacknowledgedTask = health.get(1);
        report = "/api/tasks/" + reportedTask + "/reports/" + PERIOD;

        assertThat(post("health", "/api/tasks/" + reportedTask + "/acknowledgement", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        http.withBasicAuth("supervisor", "duban").exchange("/api/plans/" + planId + "/reporting-cadence", HttpMethod.PUT,
                new HttpEntity<>(Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)), Map.class);
        post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", PERIOD));
        content = Map.of("narrative", "区中医院二期工程完成主体结构。", "status", "IN_PROGRESS", "percent", 60,
                "difficulties", "资金缺口", "nextSteps", "完成装修", "evidence", List.of());
        assertThat(post("health", report + "/submission", content).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @AfterEach
    void probeOff() {
        probe.switchTo(FailingProbe.Mode.OFF);
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @Order(1)
    void a_projection_that_cannot_apply_an_event_fails_the_command_and_nothing_is_stored() {
        long events = events();
        Map<String, List<String>> views = dump();
        assertThat(reviewsWaiting()).isOne();
        probe.switchTo(FailingProbe.Mode.FAIL);

        ResponseEntity<Map> answer = post("supervisor", report + "/review",
                Map.of("accepted", false, "reason", "缺少资金到位佐证 " + FailingProbe.MARK));

        assertThat(answer.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) answer.getBody().get("detail")).contains(FailingProbe.NAME, "ReportReturned",
                "aggregate " + reportedTask, "nothing was stored");
        assertThat(events()).as("no event stored").isEqualTo(events);
        assertThat(reviewsWaiting()).as("the review step is still open").isOne();
        assertThat(dump()).as("no view changed").isEqualTo(views);

        // the step is still there to be done, by a server that can apply what it stores
        probe.switchTo(FailingProbe.Mode.OFF);
        assertThat(post("supervisor", report + "/review",
                Map.of("accepted", false, "reason", "缺少资金到位佐证 " + FailingProbe.MARK)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reviewsWaiting()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from task_report_round where reason like ?", Long.class,
                "%" + FailingProbe.MARK)).isOne();
        // events after the one the probe cannot apply: a rebuild that stopped there would leave these views short
        assertThat(post("health", report + "/submission", content).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    @Order(2)
    void a_rebuild_that_meets_an_event_it_cannot_apply_stops_names_it_and_leaves_the_views_as_they_were() {
        Map<String, Object> stored = jdbc.queryForMap("select global_index, aggregate_identifier, sequence_number "
                + "from domain_event_entry where payload_type like '%ReportReturned'");
        Map<String, List<String>> before = dump();
        probe.switchTo(FailingProbe.Mode.FAIL);

        RebuildProgress failed = rebuild.runHere("all", progress -> {
        });

        assertThat(failed.state()).isEqualTo(RebuildProgress.State.FAILED);
        assertThat(failed.failedEvent()).isNotNull();
        assertThat(failed.failedEvent().handler()).isEqualTo(FailingProbe.NAME);
        assertThat(failed.failedEvent().eventType()).isEqualTo("ReportReturned");
        assertThat(failed.failedEvent().globalIndex()).isEqualTo(((Number) stored.get("global_index")).longValue());
        assertThat(failed.failedEvent().aggregateId()).isEqualTo(reportedTask).isEqualTo(stored.get("aggregate_identifier"));
        assertThat(failed.failedEvent().sequenceNumber()).isEqualTo(((Number) stored.get("sequence_number")).longValue());
        assertThat(failed.failedEvent().cause()).contains("the probe cannot apply report " + reportedTask);
        assertThat(failed.error()).contains("ReportReturned #" + stored.get("global_index"),
                "left as they were before the run");
        assertThat(dump()).as("every view as it was before the run").isEqualTo(before);

        Map progress = http.withBasicAuth("admin", "duban").getForObject("/api/admin/projections/rebuild", Map.class);
        assertThat(progress).containsEntry("state", "FAILED");
        assertThat((Map) progress.get("failedEvent")).containsEntry("eventType", "ReportReturned")
                .containsEntry("handler", FailingProbe.NAME).containsEntry("aggregateId", reportedTask)
                .containsEntry("globalIndex", ((Number) stored.get("global_index")).intValue());

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        RebuildCommandLine commandLine = new RebuildCommandLine(rebuild, null, new MockEnvironment()
                .withProperty("duban.rebuild", "all").withProperty("duban.projection-rebuild.exit", "false"));
        assertThat(commandLine.rebuild("all", new PrintStream(printed, true, StandardCharsets.UTF_8))).isOne();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("failed", FailingProbe.NAME,
                "ReportReturned #" + stored.get("global_index"), "aggregate " + reportedTask);
        assertThat(dump()).isEqualTo(before);

        // the cause removed, the next rebuild succeeds, and gives the same views
        probe.switchTo(FailingProbe.Mode.OFF);
        RebuildProgress succeeded = rebuild.runHere("all", progress1 -> {
        });
        assertThat(succeeded.state()).isEqualTo(RebuildProgress.State.SUCCEEDED);
        assertThat(succeeded.failedEvent()).isNull();
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void events_appended_while_a_failing_rebuild_runs_reach_the_views_it_leaves() throws InterruptedException {
        probe.switchTo(FailingProbe.Mode.HOLD_THEN_FAIL);
        rebuild.start("all");
        assertThat(probe.awaitHolding()).isTrue();

        // the rebuild is stopped in the middle of its replay; commands go on, and readers see the views as they were
        assertThat(post("health", "/api/tasks/" + unacknowledgedTask + "/acknowledgement", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForObject("select count(*) from plan_task", Long.class)).isPositive();
        probe.release();

        Map[] last = {Map.of()};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> !"RUNNING".equals(
                (last[0] = http.withBasicAuth("admin", "duban").getForObject("/api/admin/projections/rebuild", Map.class))
                        .get("state")));
        assertThat(last[0]).containsEntry("state", "FAILED");
        assertThat((String) last[0].get("error")).contains("events appended during the run applied to them");
        assertThat(jdbc.queryForObject("select status from task_work where task_id = ?", String.class, unacknowledgedTask))
                .isEqualTo("ACKNOWLEDGED");
        Map<String, List<String>> afterFailedRun = dump();

        // the views the failed run left are those a successful rebuild of the whole store gives
        probe.switchTo(FailingProbe.Mode.OFF);
        assertThat(rebuild.runHere("all", progress -> {
        }).state()).isEqualTo(RebuildProgress.State.SUCCEEDED);
        assertThat(dump()).isEqualTo(afterFailedRun);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private long reviewsWaiting() {
        return camundaTasks.createTaskQuery().processInstanceBusinessKey(reportedTask + "/" + PERIOD)
                .taskDefinitionKey("reviewReport").count();
    }

    /** Every row of every view, all columns, ordered by primary key. */
    private Map<String, List<String>> dump() {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (String table : rebuild.projections().stream().flatMap(p -> p.tableRows().keySet().stream()).toList()) {
            dump.put(table, jdbc.queryForList("select * from " + table + " order by " + String.join(", ", primaryKey(table)))
                    .stream().map(row -> new TreeMap<>(row.entrySet().stream().collect(Collectors.toMap(
                            e -> e.getKey().toLowerCase(Locale.ROOT), e -> String.valueOf(e.getValue())))).toString())
                    .toList());
        }
        return dump;
    }

    private List<String> primaryKey(String table) {
        return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            DatabaseMetaData meta = connection.getMetaData();
            String name = TestDatabases.postgres() ? table : table.toUpperCase(Locale.ROOT);
            Map<Short, String> columns = new TreeMap<>();
            try (ResultSet keys = meta.getPrimaryKeys(connection.getCatalog(), connection.getSchema(), name)) {
                while (keys.next()) {
                    columns.put(keys.getShort("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return List.copyOf(columns.values());
        });
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
