package org.duban.app.rebuild;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.api.MetadataKeys;
import org.duban.api.evaluation.CalibrateItemScore;
import org.duban.api.evaluation.CloseScoring;
import org.duban.api.evaluation.CloseSelfAssessment;
import org.duban.api.evaluation.CompleteReconciliation;
import org.duban.api.evaluation.CompleteScoring;
import org.duban.api.evaluation.DeclareConflictOfInterest;
import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.EvaluatorKind;
import org.duban.api.evaluation.FindItemFactsAsOf;
import org.duban.api.evaluation.FinishCalibration;
import org.duban.api.evaluation.ItemFact;
import org.duban.api.evaluation.ItemKind;
import org.duban.api.evaluation.ItemScore;
import org.duban.api.evaluation.OpenEvaluationRound;
import org.duban.api.evaluation.PhaseDeadlines;
import org.duban.api.evaluation.PublishRoundResults;
import org.duban.api.evaluation.ReconcileItemScore;
import org.duban.api.evaluation.RoundItem;
import org.duban.api.evaluation.RoundKind;
import org.duban.api.evaluation.RoundScope;
import org.duban.api.evaluation.ScoreRoundItem;
import org.duban.api.evaluation.ScoringScheme;
import org.duban.api.evaluation.SelfAssessmentEntry;
import org.duban.api.evaluation.SubmitSelfAssessment;
import org.duban.api.unit.UnitRef;
import org.duban.app.reporting.evidence.EvidenceSamples;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.TestDatabases;
import org.duban.app.support.Uploads;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rebuilding projections on a realistic store: the Dazu plan imported, published and worked through a quarter's
 * report over HTTP. Every view is dumped (all rows, all columns, by primary key) before and after a rebuild.
 */
@DubanIntegrationTest
@AutoConfigureMockMvc
// small batches, so a run spans many transactions
@TestPropertySource(properties = "duban.projection-rebuild.batch-size=25")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// the first rebuild compares with views that live event handling wrote
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class ProjectionRebuildIT {
    /** Tables that are not views: Axon's store, Flyway's histories, evidence files (kept, not projected). */
    private static final Set<String> NOT_PROJECTED = Set.of("domain_event_entry", "snapshot_event_entry", "token_entry",
            "saga_entry", "association_value_entry", "dead_letter_entry", "flyway_schema_history", "evidence",
            // the history of the project's migrations of the process engine's tables (db/engine)
            "flyway_engine_history",
            // the inboxes' ledger of the engine's open steps, kept by the engine's listeners (db/engine V3)
            "duban_waiting_step",
            // the hash chain is part of the event store, not a view of it
            "audit_chain_link", "audit_chain_head",
            // notifications to send and the log of sending them: written once, never replayed (a rebuild sends nothing)
            "notification_outbox", "notification_delivery",
            // third-party evaluators' accounts, made by a supervisor, not from events (V19)
            "evaluator_account",
            // a query node's place in the topic and the ids it applied, kept with its views but not built from events (V20)
            "query_node_offset", "query_node_applied_event",
            // several nodes: the scheduled jobs' last runs and the projections a rebuild suspended (V21)
            "node_job_run", "projection_suspension");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionRebuild rebuild;
    @Autowired
    RebuildGate gate;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;

    private List<String> healthTasks;

    @BeforeAll
    void aQuarterOfWorkOnTheDazuPlan() {
        String planId = (String) Uploads.upload(http, "supervisor", "dazu.csv",
                Uploads.sample("dazu-tcm-task-decomposition-2024.csv"), Uploads.dazuPlan()).getBody().get("planId");
        post("supervisor", "/api/plans/" + planId + "/publication-request", Map.of());
        post("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of());
        List<Map> tasks = new ArrayList<>();
        collect((List<Map>) get("supervisor", "/api/plans/" + planId + "/tree").get("sections"), tasks);
        // with another co-unit beside the market regulator, whose contribution the acceptance closes
        Map withCoUnit = tasks.stream().filter(t -> ((Map) t.get("leadUnit")).get("name").equals("区卫生健康委")
                && ((List<Map>) t.get("coUnits")).stream().anyMatch(u -> u.get("name").equals("区市场监管局"))
                && ((List<Map>) t.get("coUnits")).size() > 1)
                .findFirst().orElseThrow();
        healthTasks = tasks.stream().filter(t -> ((Map) t.get("leadUnit")).get("name").equals("区卫生健康委") && t != withCoUnit)
                .map(t -> (String) t.get("taskId")).collect(Collectors.toCollection(ArrayList::new));
        String taskA = (String) withCoUnit.get("taskId");
        String taskB = healthTasks.remove(0);

        assertThat(post("health", "/api/tasks/" + taskA + "/acknowledgement", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("market", "/api/tasks/" + taskA + "/co-unit-confirmation", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String adjustmentId = (String) post("health", "/api/tasks/" + taskB + "/adjustment-requests",
                Map.of("kind", "DUE_DATE", "proposal", "2026-12-31", "reason", "用地审批延后")).getBody().get("adjustmentId");
        post("supervisor", "/api/tasks/" + taskB + "/adjustment-requests/" + adjustmentId + "/decision",
                Map.of("approved", true, "reason", "同意"));
        post("health", "/api/tasks/" + taskB + "/acknowledgement", Map.of());

        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        put("supervisor", "/api/plans/" + planId + "/reporting-cadence", Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3));
        assertThat(post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4")).getBody())
                .containsEntry("reports", 2);
        String q4 = "/api/tasks/" + taskA + "/reports/2026-Q4";
        assertThat(post("market", q4 + "/contributions", Map.of("text", "已开展联合检查3次")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map evidence = Uploads.post(http, "health", "/api/evidence", "进展报告.pdf", EvidenceSamples.pdf(), Map.of()).getBody();
        // 市级中医重点（特色）专科: a value the acceptance records, and a target the office adjusts
        List<Map> indicators = (List<Map>) get("supervisor", "/api/plans/" + planId + "/tree").get("indicators");
        String indicatorId = (String) indicators.stream().filter(i -> i.get("name").equals("市级中医重点（特色）专科"))
                .findFirst().orElseThrow().get("indicatorId");
        Map content = Map.of("narrative", "区中医院二期工程完成主体结构。", "status", "IN_PROGRESS", "percent", 60,
                "difficulties", "资金缺口", "nextSteps", "完成装修", "evidence", List.of(evidence),
                "indicatorValues", List.of(Map.of("indicatorId", indicatorId, "value", "12")));
        put("health", q4 + "/draft", content);
        assertThat(post("health", q4 + "/submission", content).getStatusCode()).isEqualTo(HttpStatus.OK);
        post("supervisor", q4 + "/review", Map.of("accepted", false, "reason", "缺少资金到位佐证"));
        post("health", q4 + "/submission", content);
        assertThat(post("supervisor", q4 + "/review", Map.of("accepted", true, "reason", "同意")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        post("supervisor", "/api/tasks/" + taskB + "/reports/2026-Q4/urging", Map.of("note", "请于三日内报送"));

        // supervision: a notice on B, the unit's channels, an indicator's target adjusted
        assertThat(post("supervisor", "/api/supervision/cases", Map.of("taskId", taskB, "grade", "NOTICE",
                "reason", "建设进度明显滞后", "answerBy", "2026-10-30")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(put("admin", "/api/units/" + ((Map) withCoUnit.get("leadUnit")).get("unitId") + "/notifications",
                Map.of("emails", List.of("office@health.dazu.test"), "emailOn", false)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String targetAdjustment = (String) post("supervisor", "/api/indicators/" + indicatorId + "/adjustments",
                Map.of("proposedTarget", "14—16", "reason", "按中期评估调整")).getBody().get("adjustmentId");
        assertThat(post("supervisor", "/api/indicators/" + indicatorId + "/adjustments/" + targetAdjustment + "/decision",
                Map.of("approved", true, "reason", "同意", "approvalDocument", "大足府函〔2026〕8号")).getStatusCode()).isEqualTo(HttpStatus.OK);

        anEvaluationRoundPublished(planId, withCoUnit, taskB);

        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        String days = "date,kind,name\n2028-01-01,HOLIDAY,元旦\n2028-01-29,WORKDAY,春节调休\n";
        assertThat(http.withBasicAuth("admin", "duban").exchange("/api/calendar/2028", HttpMethod.PUT,
                new HttpEntity<>(days.getBytes(StandardCharsets.UTF_8), csv), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /**
     * A mid-term round on tasks A and B, run command by command to publication: a third party declares a conflict with
     * B, the evaluators differ on A beyond the threshold (reconciled), B is calibrated, the facts are read as of the
     * cut-off. Every evaluation table then has rows.
     */
    private void anEvaluationRoundPublished(String planId, Map taskA, String taskB) {
        Map lead = (Map) taskA.get("leadUnit");
        UnitRef health = new UnitRef((String) lead.get("unitId"), (String) lead.get("name"));
        String roundId = UUID.randomUUID().toString();
        String a = (String) taskA.get("taskId");
        List<RoundItem> items = List.of(new RoundItem(a, ItemKind.TASK, health, "任务甲", null),
                new RoundItem(taskB, ItemKind.TASK, health, "任务乙", null));
        LocalDate cutOff = LocalDate.of(2026, 10, 15);
        String thirdParty = "tp-rebuild";
        asSupervisor(new OpenEvaluationRound(roundId, planId, "区政府督查室", RoundKind.MID_TERM, "中期评估", cutOff,
                new RoundScope(List.of(), List.of(a, taskB), List.of(), List.of()), items, ScoringScheme.standard(),
                new PhaseDeadlines(cutOff.plusDays(10), cutOff.plusDays(20), cutOff.plusDays(25), cutOff.plusDays(30)),
                List.of(new Evaluator(thirdParty, "钱九", EvaluatorKind.THIRD_PARTY, "重庆某评估咨询公司"),
                        new Evaluator("supervisor", "王五", EvaluatorKind.SUPERVISOR_STAFF, "区政府督查室")), false));
        asSupervisor(new SubmitSelfAssessment(roundId, health.unitId(), List.of(
                new SelfAssessmentEntry(a, new BigDecimal("90"), "按计划推进。", List.of()),
                new SelfAssessmentEntry(taskB, new BigDecimal("70"), "用地审批延后。", List.of()))));
        asSupervisor(new CloseSelfAssessment(roundId, null));
        as(thirdParty, new DeclareConflictOfInterest(roundId, thirdParty, List.of(taskB), "曾参与该项目论证"));
        as(thirdParty, new ScoreRoundItem(roundId, thirdParty, score(a, 95)));
        as(thirdParty, new CompleteScoring(roundId, thirdParty));
        as("supervisor", new ScoreRoundItem(roundId, "supervisor", score(a, 60)));
        as("supervisor", new ScoreRoundItem(roundId, "supervisor", score(taskB, 65)));
        as("supervisor", new CompleteScoring(roundId, "supervisor"));
        asSupervisor(new CloseScoring(roundId, null));
        asSupervisor(new ReconcileItemScore(roundId, a, new BigDecimal("80"), "经复核取折中"));
        asSupervisor(new CompleteReconciliation(roundId));
        asSupervisor(new CalibrateItemScore(roundId, taskB, new BigDecimal("55"), "项目未开工"));
        asSupervisor(new FinishCalibration(roundId));
        List<ItemFact> facts = queries.query(new FindItemFactsAsOf(planId, items, cutOff),
                ResponseTypes.multipleInstancesOf(ItemFact.class)).join();
        asSupervisor(new PublishRoundResults(roundId, facts));
    }

    private static ItemScore score(String itemId, int each) {
        BigDecimal score = BigDecimal.valueOf(each);
        return new ItemScore(itemId, Map.of("completion", score, "quality", score, "timeliness", score, "attainment",
                score), null, "依据佐证材料评分");
    }

    private void asSupervisor(Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                MetadataKeys.ACTOR_USER, "supervisor", MetadataKeys.ACTOR_ROLE, "SUPERVISOR",
                MetadataKeys.ACTOR_UNIT, "区政府督查室")));
    }

    private void as(String evaluator, Object command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                MetadataKeys.ACTOR_USER, evaluator, MetadataKeys.ACTOR_ROLE, "EVALUATOR")));
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @Order(1)
    void rebuilding_every_projection_gives_views_identical_to_before() {
        Map<String, List<String>> before = dump(projectionTables());
        assertThat(before.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

        // an append in flight holds the rebuild at its reset step, long enough to see that a second request waits
        CountDownLatch appending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread inFlight = new Thread(() -> transaction.executeWithoutResult(status -> {
            gate.holdWhileAppending().handle(List.of());
            appending.countDown();
            awaitQuietly(release);
        }));
        inFlight.start();
        awaitQuietly(appending);
        ResponseEntity<Map> started = http.withBasicAuth("admin", "duban").postForEntity("/api/admin/projections/rebuild",
                null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody().get("runId")).isNotNull();
        assertThat((List<String>) started.getBody().get("projections")).contains("plan-summary", "plan-tree",
                "unit-registry", "calendar", "task-work", "task-reports", "plan-cadence", "audit-trail",
                "evaluation-rounds");
        ResponseEntity<Map> second = http.withBasicAuth("admin", "duban").postForEntity("/api/admin/projections/rebuild",
                Map.of("projection", "calendar"), Map.class);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(progress()).containsEntry("state", "RUNNING").containsEntry("phase", "RESETTING");
        release.countDown();

        Map finished = awaitFinished();
        assertThat(finished).containsEntry("state", "SUCCEEDED").containsEntry("runId", started.getBody().get("runId"));
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(((Number) finished.get("eventsDone")).longValue()).isEqualTo(events);
        assertThat(((Number) finished.get("percent")).doubleValue()).isEqualTo(100.0);
        assertThat(((Number) finished.get("eventsPerSecond")).doubleValue()).isPositive();
        System.out.printf("[duban-test] rebuilt all projections: %d events in %d ms, %.0f events/s%n", events,
                ((Number) finished.get("durationMillis")).longValue(), ((Number) finished.get("eventsPerSecond")).doubleValue());

        assertSameViews(before, dump(projectionTables()));
    }

    @Test
    void rebuilding_one_projection_restores_its_tables_and_touches_no_other() {
        Map<String, List<String>> before = dump(projectionTables());
        jdbc.update("update task_report set reminders = 99");
        jdbc.update("delete from audit_event where event_type = 'ReportAccepted'");
        jdbc.update("update unit_registry set jurisdiction = 'tampered' where unit_id = (select min(unit_id) from unit_registry)");

        RebuildProgress result = rebuild.runHere("task-reports", progress -> {
        });

        assertThat(result.state()).isEqualTo(RebuildProgress.State.SUCCEEDED);
        assertThat(result.projections()).containsExactly("task-reports");
        Map<String, List<String>> after = dump(projectionTables());
        assertThat(tablesOf("task-reports")).contains("task_report");
        for (String table : tablesOf("task-reports")) {
            assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
        }
        // the other projections' tables were left as they were, tampering included
        assertThat(after.get("audit_event")).hasSize(before.get("audit_event").size() - 1);
        assertThat(jdbc.queryForObject("select count(*) from unit_registry where jurisdiction = 'tampered'", Long.class)).isOne();

        rebuild.runHere("audit-trail", progress -> {
        });
        rebuild.runHere("unit-registry", progress -> {
        });
        assertSameViews(before, dump(projectionTables()));
    }

    @Test
    void a_rebuild_while_commands_append_events_misses_and_repeats_nothing() throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        List<String> toAcknowledge = List.copyOf(healthTasks);
        Thread commands = new Thread(() -> {
            for (String taskId : toAcknowledge) {
                if (stop.get()) {
                    return;
                }
                if (post("health", "/api/tasks/" + taskId + "/acknowledgement", Map.of()).getStatusCode() == HttpStatus.OK) {
                    acknowledged.incrementAndGet();
                }
            }
        });
        commands.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.get() >= 2);
        long eventsBeforeRun = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        RebuildProgress concurrent = rebuild.runHere("all", progress -> {
        });
        stop.set(true);
        commands.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(concurrent.state()).isEqualTo(RebuildProgress.State.SUCCEEDED);
        // events appended while it ran were caught up
        assertThat(concurrent.eventsDone()).isGreaterThan(eventsBeforeRun);
        assertThat(acknowledged.get()).isGreaterThan(2);
        Map<String, List<String>> afterConcurrentRebuild = dump(projectionTables());

        // a rebuild on a quiet system is the reference
        assertThat(rebuild.runHere("all", progress -> {
        }).state()).isEqualTo(RebuildProgress.State.SUCCEEDED);
        assertSameViews(afterConcurrentRebuild, dump(projectionTables()));
        assertThat(jdbc.queryForObject("select count(*) from task_work where status = 'ACKNOWLEDGED'", Long.class))
                .isGreaterThanOrEqualTo(acknowledged.get() + 2L);
    }

    @Test
    void the_command_line_mode_prints_progress_and_figures_and_answers_an_exit_status() {
        Map<String, List<String>> before = dump(projectionTables());
        MockEnvironment environment = new MockEnvironment().withProperty("duban.rebuild", "all")
                .withProperty("duban.projection-rebuild.exit", "false");
        RebuildCommandLine commandLine = new RebuildCommandLine(rebuild, null, environment);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int status = commandLine.rebuild("all", new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        String output = printed.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        assertThat(output).contains("[duban-rebuild] rebuilding all").containsPattern("rebuilt .*task-work.*: \\d+ events in [\\d.]+ s, \\d+ events/s");
        assertSameViews(before, dump(projectionTables()));

        ByteArrayOutputStream refused = new ByteArrayOutputStream();
        assertThat(commandLine.rebuild("no-such-view", new PrintStream(refused, true, StandardCharsets.UTF_8))).isOne();
        assertThat(refused.toString(StandardCharsets.UTF_8)).contains("no projection is called \"no-such-view\"");
    }

    @Test
    void only_an_administrator_lists_and_rebuilds_projections() throws Exception {
        for (String user : List.of("supervisor", "auditor", "health")) {
            assertThat(http.withBasicAuth(user, "duban").getForEntity("/api/admin/projections", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth(user, "duban").postForEntity("/api/admin/projections/rebuild", null,
                    String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.postForEntity("/api/admin/projections/rebuild", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        mvc.perform(MockMvcRequestBuilders.get("/admin/projections").with(user(accounts.loadUserByUsername("supervisor"))))
                .andExpect(status().isForbidden());
        assertThat(http.withBasicAuth("admin", "duban").postForEntity("/api/admin/projections/rebuild",
                Map.of("projection", "no-such-view"), Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        List<Map> listed = List.of(http.withBasicAuth("admin", "duban").getForObject("/api/admin/projections", Map[].class));
        assertThat(listed).extracting(p -> p.get("name")).contains("plan-summary", "plan-tree", "unit-registry",
                "calendar", "task-work", "task-reports", "plan-cadence", "audit-trail");
        Map planTree = listed.stream().filter(p -> p.get("name").equals("plan-tree")).findFirst().orElseThrow();
        assertThat((Map<String, Integer>) planTree.get("tableRows")).containsEntry("plan_task", 94);

        mvc.perform(MockMvcRequestBuilders.get("/admin/projections").with(user(accounts.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("<h1 class=\"h3 mb-3\">重建视图</h1>")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-projection=\"audit-trail\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("plan_task (94)")));
        rebuild.runHere("calendar", progress -> {
        });
        mvc.perform(MockMvcRequestBuilders.get("/admin/projections/progress").with(user(accounts.loadUserByUsername("admin"))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-state=\"SUCCEEDED\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("已完成")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("每秒")))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("hx-trigger"))));
    }

    @Test
    void every_table_of_the_read_side_belongs_to_exactly_one_projection() {
        List<String> declared = projectionTables();
        assertThat(declared).doesNotHaveDuplicates();
        Set<String> inSchema = jdbc.execute((ConnectionCallback<Set<String>>) connection -> {
            Set<String> names = new TreeSet<>();
            try (ResultSet tables = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(),
                    "%", new String[]{"TABLE"})) {
                while (tables.next()) {
                    names.add(tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return names;
        });
        Set<String> views = inSchema.stream().filter(name -> !name.startsWith("act_") && !NOT_PROJECTED.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(declared)).as("tables declared with @ProjectionTables; a table that is not a view "
                + "belongs in NOT_PROJECTED").isEqualTo(views);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private List<String> projectionTables() {
        return rebuild.projections().stream().flatMap(p -> p.tableRows().keySet().stream()).toList();
    }

    private List<String> tablesOf(String projection) {
        return rebuild.projections().stream().filter(p -> p.name().equals(projection)).findFirst().orElseThrow()
                .tableRows().keySet().stream().toList();
    }

    /** Every row of every table, all columns, ordered by primary key; each row as one line. */
    private Map<String, List<String>> dump(List<String> tables) {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (String table : tables) {
            String order = String.join(", ", primaryKey(table));
            dump.put(table, jdbc.queryForList("select * from " + table + " order by " + order).stream()
                    .map(row -> new TreeMap<>(row.entrySet().stream().collect(Collectors.toMap(
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
            assertThat(columns).as("primary key of " + table).isNotEmpty();
            return List.copyOf(columns.values());
        });
    }

    private static void assertSameViews(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        assertThat(actual.keySet()).isEqualTo(expected.keySet());
        expected.forEach((table, rows) -> assertThat(actual.get(table)).as(table).containsExactlyElementsOf(rows));
    }

    private Map progress() {
        return http.withBasicAuth("admin", "duban").getForObject("/api/admin/projections/rebuild", Map.class);
    }

    private Map awaitFinished() {
        Map[] last = {Map.of()};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> !"RUNNING".equals((last[0] = progress()).get("state")));
        return last[0];
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void collect(List<Map> sections, List<Map> into) {
        for (Map section : sections) {
            into.addAll((List<Map>) section.get("tasks"));
            collect((List<Map>) section.get("children"), into);
        }
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
