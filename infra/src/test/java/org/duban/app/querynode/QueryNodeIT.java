package org.duban.app.querynode;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.reliability.AppProcess;
import org.duban.app.reliability.Http;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.KafkaBroker;
import org.duban.app.support.PostgresServer;
import org.duban.app.support.TestDatabases;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.duban.app.support.PlanTrees.allTasks;
import static org.duban.app.support.Uploads.publishedDazuPlan;

/**
 * A query node fed by a real Kafka broker: the command node is this test's application (publishing to the broker,
 * {@link KafkaBroker}, a separate process), the query node a real {@code java -jar target/duban.jar} process on the
 * {@code query} profile with a database of its own (a second database on the same PostgreSQL server, or its own H2
 * file). After a scripted scenario the query node applies every event, and the same GETs answer the same JSON on
 * both nodes; writes are refused with 405. Then the broker is stopped while the command node goes on, started again,
 * and the query node catches up, each event applied once although the publisher sent some twice. Finally a
 * command-line rebuild on the query profile refuses to run. Prints the figures quoted in docs/QUERY-NODES.md.
 */
@DubanIntegrationTest
@TestPropertySource(properties = {
        "duban.stream.topic=" + QueryNodeIT.TOPIC,
        "duban.stream.batch-size=50",
        "duban.stream.publish-timeout-ms=6000",
        "duban.stream.kafka.delivery-timeout-ms=5000",
        "duban.stream.kafka.request-timeout-ms=2000",
        "duban.stream.kafka.max-block-ms=2000"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class QueryNodeIT {
    static final String TOPIC = "duban.events.qn";
    private static final Path JAR = Path.of("target", "duban.jar").toAbsolutePath();
    private static final Path ROOT = Path.of("target", "query-node").toAbsolutePath();
    private static final List<String> JVM = List.of("-Xmx512m", "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");
    private static final String HEALTH_UNIT = "区卫生健康委";
    private static KafkaBroker broker;

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static synchronized void kafka(DynamicPropertyRegistry properties) {
        if (broker == null) {
            broker = KafkaBroker.started();
            broker.createTopic(TOPIC, 3);
        }
        properties.add("duban.stream.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.stop();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_query_node_reads_the_topic_into_views_equal_to_the_command_nodes_and_catches_up_after_an_outage()
            throws Exception {
        assertThat(JAR).as("built by the package phase").exists();
        String commandUrl = "http://127.0.0.1:" + port;
        Http command = new Http(commandUrl);

        // the scenario on the command node: plan imported and published, acknowledged, a report submitted and
        // reviewed, a supervision notice
        long scenarioStarted = System.nanoTime();
        String planId = publishedDazuPlan(http);
        List<Map> tasks = allTasks(get("supervisor", "/api/plans/" + planId + "/tree"));
        List<String> healthTasks = tasks.stream()
                .filter(t -> HEALTH_UNIT.equals(((Map) t.get("leadUnit")).get("name")))
                .map(t -> (String) t.get("taskId")).toList();
        assertThat(healthTasks).hasSizeGreaterThanOrEqualTo(6);
        for (String task : healthTasks.subList(0, 3)) {
            assertOk(post("health", "/api/tasks/" + task + "/acknowledgement", Map.of()), "acknowledge " + task);
        }
        String task = healthTasks.get(0);
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        assertOk(exchange("supervisor", HttpMethod.PUT, "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)), "cadence");
        assertOk(post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4")),
                "open 2026-Q4");
        String q4 = "/api/tasks/" + task + "/reports/2026-Q4";
        Map content = Map.of("narrative", "区中医院二期工程完成主体结构。", "status", "IN_PROGRESS", "percent", 60,
                "difficulties", "资金缺口", "nextSteps", "完成装修", "evidence", List.of());
        assertOk(exchange("health", HttpMethod.PUT, q4 + "/draft", content), "draft");
        assertOk(post("health", q4 + "/submission", content), "submit");
        assertOk(post("supervisor", q4 + "/review", Map.of("accepted", true, "reason", "同意")), "review");
        ResponseEntity<Map> notice = post("supervisor", "/api/supervision/cases", Map.of("taskId", healthTasks.get(1),
                "grade", "NOTICE", "reason", "中医医院新院区建设进度明显滞后，请说明原因并提出整改措施。",
                "answerBy", "2026-10-22"));
        assertOk(notice, "notice");
        String caseId = (String) notice.getBody().get("caseId");
        long scenarioMs = millisSince(scenarioStarted);

        // the query node: an empty database of its own, the same topic
        Path dir = ROOT.resolve("qn-" + System.currentTimeMillis());
        AppProcess queryNode = queryNode(dir, dir, commandUrl, List.of());
        Http query = new Http(queryNode.baseUrl());
        try {
            long started = System.nanoTime();
            Duration startUp = queryNode.start();
            JsonNode caughtUp = awaitCaughtUp(query, Duration.ofMinutes(2));
            long catchUpMs = millisSince(started);
            long applied = caughtUp.path("applied").asLong();
            assertThat(applied).as("every stored event applied once").isEqualTo(storedEvents());
            assertThat(applied).isGreaterThan(300);

            List<String> compared = sameViews(command, query, planId, healthTasks, caseId);

            // a write on the query node is refused, naming where changes go
            Http.Answer refused = query.post("supervisor", "/api/tasks/" + healthTasks.get(3) + "/acknowledgement", null);
            assertThat(refused.status()).as(refused.text()).isEqualTo(405);
            assertThat(refused.body().path("commandNode").asText()).isEqualTo(commandUrl);
            assertThat(refused.body().path("detail").asText()).contains(commandUrl);
            Http.Answer rebuild = query.post("admin", "/api/admin/projections/rebuild", Map.of("projection", "all"));
            assertThat(rebuild.status()).as("a rebuild requested on a query node: " + rebuild.text()).isEqualTo(405);
            assertThat(rebuild.body().path("detail").asText()).contains(commandUrl);

            // the broker goes away; the command node goes on
            broker.stop();
            long outageStarted = System.nanoTime();
            for (String other : healthTasks.subList(3, 6)) {
                assertOk(post("health", "/api/tasks/" + other + "/acknowledgement", Map.of()), "acknowledge " + other);
            }
            String q4b = "/api/tasks/" + healthTasks.get(2) + "/reports/2026-Q4";
            assertOk(exchange("health", HttpMethod.PUT, q4b + "/draft", content), "draft during the outage");
            assertOk(post("health", q4b + "/submission", content), "submit during the outage");
            assertOk(post("supervisor", q4b + "/review", Map.of("accepted", false, "reason", "请补充佐证材料")),
                    "return during the outage");
            long beforeRestart = storedEvents();
            assertThat(beforeRestart).isGreaterThan(applied);
            // wait until the publisher has failed at least one batch, so that it sends again after the restart
            Thread.sleep(6_000);
            long restarted = System.nanoTime();
            broker.start();
            long outageMs = Duration.ofNanos(restarted - outageStarted).toMillis();
            awaitCaughtUp(query, Duration.ofMinutes(3));
            long recoveryMs = millisSince(restarted);
            // what the publisher does when it retries a batch whose acknowledgements were lost: the same records
            // (same key, CloudEvent and id) once more, here made certain by sending the last 40 again
            int resent = resendTail(40);
            Thread.sleep(3_000); // a few polls of the query node, so that its lag counts the records sent again
            JsonNode after = awaitCaughtUp(query, Duration.ofMinutes(1));
            long total = storedEvents();
            TopicRecords records = topicRecords();
            assertThat(records.duplicates()).as("the topic holds repeated ids").isGreaterThanOrEqualTo(resent);
            assertThat(after.path("applied").asLong()).as("each event applied once, duplicates passed over")
                    .isEqualTo(total);
            List<String> comparedAfter = sameViews(command, query, planId, healthTasks, caseId);
            assertThat(comparedAfter).hasSameSizeAs(compared);

            long scenarioEvents = applied;
            System.out.printf("[duban-query-node] %s: scenario %d ms on the command node (%d events); query node "
                            + "started in %.1f s, caught up %d events in %d ms from its launch (%.0f events/s "
                            + "over the whole launch); %d GETs answered the same%n",
                    TestDatabases.postgres() ? "PostgreSQL" : "H2", scenarioMs, scenarioEvents,
                    startUp.toMillis() / 1e3, scenarioEvents, catchUpMs, scenarioEvents * 1000.0 / catchUpMs,
                    compared.size());
            System.out.printf("[duban-query-node] broker down %d ms while %d events were stored; after the restart "
                            + "the query node applied them within %d ms; topic %d records, %d event ids, "
                            + "%d duplicates, each applied once (%d applied)%n",
                    outageMs, total - scenarioEvents, recoveryMs, records.records(), records.distinct(),
                    records.duplicates(), after.path("applied").asLong());
        } finally {
            stop(queryNode);
        }
        double perSecond = applyRate(dir, (int) Math.min(storedEvents(), 332));
        System.out.printf("[duban-query-node] applying rate of the first catch-up, from the query node's "
                + "query_node_applied_event.applied_at: %.0f events/s%n", perSecond);

        // a command-line rebuild on the query profile would replay the node's empty local store over its views
        AppProcess rebuild = queryNode(dir, dir.resolve("rebuild"), commandUrl, List.of("--duban.rebuild=all"));
        long refusalStarted = System.nanoTime();
        assertThatThrownBy(rebuild::start).as("a rebuild on the query profile refuses to run");
        String log = Files.readString(rebuild.log(), StandardCharsets.UTF_8);
        assertThat(log).contains("query node").contains("rebuild").contains("duban.rebuild");
        assertThat(log).doesNotContain("[duban-rebuild] rebuilding");
        System.out.printf("[duban-query-node] --duban.rebuild=all on the query profile refused in %d ms%n",
                millisSince(refusalStarted));
    }

    /** The query node's process; its data (the H2 file) under {@code dir}, its logs under {@code workDir}. */
    private AppProcess queryNode(Path dir, Path workDir, String commandUrl, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.profiles.active=query" + (TestDatabases.postgres() ? ",postgres" : ""),
                "--duban.data-dir=" + dir.resolve("data"),
                "--duban.stream.kafka.bootstrap-servers=" + broker.bootstrapServers(),
                "--duban.stream.topic=" + TOPIC,
                "--duban.query-node.command-node-url=" + commandUrl,
                "--duban.audit.verification.interval=0",
                "--logging.level.org.duban.app.querynode=INFO"));
        args.addAll(extra);
        Map<String, String> environment = new HashMap<>(Map.of("DUBAN_NODE_ID", "query1"));
        if (TestDatabases.postgres()) {
            environment.putAll(Map.of("DUBAN_DB_URL", queryDatabase(), "DUBAN_DB_USER",
                    PostgresServer.shared().username(), "DUBAN_DB_PASSWORD", PostgresServer.shared().password()));
        }
        return new AppProcess(JAR, workDir, JVM, args, environment);
    }

    private String queryDatabase;

    /** A second, empty database on the test's PostgreSQL server, the same for every start of the query node. */
    private String queryDatabase() {
        if (queryDatabase == null) {
            queryDatabase = PostgresServer.shared().createDatabase();
        }
        return queryDatabase;
    }

    /** Waits until the query node reports no lag and as many applied events as the command node's store holds. */
    private JsonNode awaitCaughtUp(Http query, Duration limit) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            await("the query node applies every event").atMost(limit).pollInterval(Duration.ofMillis(500)).until(() -> {
                Http.Answer health = query.get("admin", "/actuator/health/queryNode");
                last.set(health.body());
                assertThat(health.status()).as(health.text()).isEqualTo(200);
                JsonNode details = health.body().path("details");
                return details.path("lag").asLong(-1) == 0 && details.path("applied").asLong() == storedEvents()
                        && storedIds().contains(details.path("lastEventId").asText());
            });
        } catch (RuntimeException | AssertionError e) {
            throw new AssertionError("query node not caught up: " + last.get() + " with " + storedEvents()
                    + " stored events", e);
        }
        return last.get().path("details");
    }

    /**
     * The same GETs on both nodes answer the same JSON. Nothing is ignored: every view compared is built from the
     * events alone, so it must be equal to the last field.
     */
    private List<String> sameViews(Http command, Http query, String planId, List<String> tasks, String caseId)
            throws Exception {
        List<String[]> reads = new ArrayList<>();
        reads.add(new String[]{"supervisor", "/api/plans"});
        reads.add(new String[]{"supervisor", "/api/plans/" + planId});
        reads.add(new String[]{"supervisor", "/api/plans/" + planId + "/tree"});
        reads.add(new String[]{"supervisor", "/api/plans/" + planId + "/implementation"});
        reads.add(new String[]{"supervisor", "/api/supervision/cases?planId=" + planId});
        reads.add(new String[]{"supervisor", "/api/supervision/cases/" + caseId});
        for (String task : tasks.subList(0, 6)) {
            reads.add(new String[]{"supervisor", "/api/tasks/" + task});
        }
        reads.add(new String[]{"auditor", "/api/audit/events?subject=PLAN&id=" + planId + "&size=100"});
        reads.add(new String[]{"auditor", "/api/audit/events?subject=TASK&id=" + tasks.get(0) + "&size=100"});
        List<String> compared = new ArrayList<>();
        for (String[] read : reads) {
            Http.Answer expected = command.get(read[0], read[1]);
            Http.Answer actual = query.get(read[0], read[1]);
            assertThat(expected.status()).as("command node " + read[1] + ": " + expected.text()).isEqualTo(200);
            assertThat(actual.status()).as("query node " + read[1] + ": " + actual.text()).isEqualTo(200);
            assertThat(actual.body()).as("GET " + read[1] + " on the query node").isEqualTo(expected.body());
            compared.add(read[1]);
        }
        return compared;
    }

    /** Events per second over the first {@code n} applied events, from the times the query node recorded. */
    private double applyRate(Path dir, int n) throws Exception {
        String url = TestDatabases.postgres() ? queryDatabase() : "jdbc:h2:file:" + dir.resolve("data").resolve("duban");
        String user = TestDatabases.postgres() ? PostgresServer.shared().username() : "sa";
        String password = TestDatabases.postgres() ? PostgresServer.shared().password() : "";
        List<java.sql.Timestamp> times = new ArrayList<>();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, user, password);
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(
                     "select applied_at from query_node_applied_event order by applied_at")) {
            while (rows.next()) {
                times.add(rows.getTimestamp(1));
            }
        }
        assertThat(times.size()).as("applied ids recorded").isEqualTo(storedEvents());
        // the stored position is the topic's end: every record was read, those sent twice included
        Map<Integer, Long> ends = new HashMap<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            consumer.endOffsets(consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(TOPIC, info.partition())).toList())
                    .forEach((tp, end) -> ends.put(tp.partition(), end));
        }
        Map<Integer, Long> stored = new HashMap<>();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, user, password);
             java.sql.Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(
                     "select partition_no, next_offset from query_node_offset where topic = '" + TOPIC + "'")) {
            while (rows.next()) {
                stored.put(rows.getInt(1), rows.getLong(2));
            }
        }
        assertThat(stored).as("the query node's stored offsets").isEqualTo(ends);
        List<java.sql.Timestamp> first = times.subList(0, n);
        long ms = Math.max(1, first.get(n - 1).getTime() - first.get(0).getTime());
        return (n - 1) * 1000.0 / ms;
    }

    /** Sends the last {@code count} event records of each partition's tail again, unchanged; answers how many. */
    private int resendTail(int count) {
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> tail = new ArrayList<>();
        Map<String, Object> config = Map.of(
                org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(config,
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            var ends = consumer.endOffsets(partitions);
            for (var tp : partitions) {
                consumer.seek(tp, Math.max(0, ends.get(tp) - count / partitions.size()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(tail::add);
            }
        }
        Map<String, Object> producerConfig = Map.of(
                org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        int sent = 0;
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(producerConfig,
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            for (var record : tail) {
                if (org.duban.app.stream.EventStreamPublisher.CHAIN_SUBJECT.equals(record.key())) {
                    continue;
                }
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(record.topic(),
                        record.partition(), record.key(), record.value(), record.headers()));
                sent++;
            }
            producer.flush();
        }
        assertThat(sent).isPositive();
        return sent;
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private List<String> storedIds() {
        return jdbc.queryForList("select event_identifier from domain_event_entry", String.class);
    }

    record TopicRecords(long records, long distinct, long duplicates) {
    }

    /** The topic's event records from the beginning: how many, how many ids, how many repeats. */
    private TopicRecords topicRecords() {
        long events = 0;
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var record : broker.records(TOPIC)) {
            JsonNode value;
            try {
                value = Http.JSON.readTree(record.value());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (!org.duban.app.stream.EventStreamPublisher.CHAIN_HEAD_TYPE.equals(value.path("type").asText())) {
                events++;
                ids.add(value.path("id").asText());
            }
        }
        return new TopicRecords(events, ids.size(), events - ids.size());
    }

    private static void stop(AppProcess node) {
        try {
            node.stop();
        } catch (RuntimeException e) {
            node.kill();
        }
    }

    private static void assertOk(ResponseEntity<Map> answer, String what) {
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(what + ": " + answer).isTrue();
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }

    private Map get(String user, String path) {
        return http.withBasicAuth(user, "duban").getForEntity(path, Map.class).getBody();
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return exchange(user, HttpMethod.POST, path, body);
    }

    private ResponseEntity<Map> exchange(String user, HttpMethod method, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, method, new HttpEntity<>(body), Map.class);
    }
}
