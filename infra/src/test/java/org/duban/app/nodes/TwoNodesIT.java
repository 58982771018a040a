package org.duban.app.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.app.reliability.AppProcess;
import org.duban.app.reliability.Http;
import org.duban.app.support.KafkaBroker;
import org.duban.app.support.PostgresServer;
import org.duban.app.support.TestDatabases;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two real application processes ({@code java -jar target/duban.jar}, built by {@code package}) on one PostgreSQL
 * database, each on its own loopback port: commands on both, a race on one aggregate version answered 2xx and 409,
 * timers that fire once across the two job executors, every event handled once per processing group, and the same
 * reads from either node. Prints the figures quoted in docs/DEPLOYMENT.md. PostgreSQL pass only: two nodes cannot
 * share the embedded H2 file.
 */
class TwoNodesIT {
    private static final Path JAR = Path.of("target", "duban.jar").toAbsolutePath();
    private static final Path ROOT = Path.of("target", "two-nodes").toAbsolutePath();
    private static final String DAZU = "大足府办发〔2024〕113号";
    private static final String SUPERVISOR = "supervisor";
    private static final List<String> UNIT_USERS = List.of("health", "market");
    private static final List<String> JVM = List.of("-Xmx768m", "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    private static final String TOPIC = "duban.events.two-nodes";
    private static final List<String> QUERY_JVM = List.of("-Xmx512m", "-Xss512k", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC");

    private KafkaBroker broker;
    private String jdbcUrl;
    private String dbUser;
    private String dbPassword;

    @Test
    void two_nodes_on_one_database_act_as_one_application() throws Exception {
        assumeTrue(TestDatabases.postgres(), "several nodes share a PostgreSQL database; the H2 file has one");
        assertThat(JAR).as("built by the package phase").exists();
        PostgresServer server = PostgresServer.shared();
        jdbcUrl = server.createDatabase();
        dbUser = server.username();
        dbPassword = server.password();

        // both nodes publish to one broker; the event-stream processor's single token is held by one of them
        broker = KafkaBroker.started();
        broker.createTopic(TOPIC, 3);
        AppProcess node1 = node("node1", true);
        AppProcess node2 = node("node2", false);
        AppProcess queryNode = null;
        try {
            // the first node migrates the schema and imports the demo plans; the second starts on them
            Duration start1 = node1.start();
            awaitReady(node1);
            Duration start2 = node2.start();
            awaitReady(node2);
            Http one = new Http(node1.baseUrl());
            Http two = new Http(node2.baseUrl());
            each_node_names_itself_and_is_ready(node1, one, "node1");
            each_node_names_itself_and_is_ready(node2, two, "node2");

            // a plan published on one node ...
            String planId = publishDazu(one);
            // ... is acknowledged on the other
            Map<String, List<String>> waiting = acknowledgementsWaiting(two);
            List<String[]> acknowledgements = new ArrayList<>();
            waiting.forEach((user, tasks) -> tasks.forEach(task -> acknowledgements.add(new String[]{user, task})));
            assertThat(acknowledgements).hasSizeGreaterThan(20);

            List<Integer> raced = new ArrayList<>();
            for (String[] race : acknowledgements.subList(0, 3)) {
                raced.addAll(race(one, two, race[0], "/api/tasks/" + race[1] + "/acknowledgement"));
            }
            List<String[]> rest = acknowledgements.subList(3, acknowledgements.size());
            int half = rest.size() / 2;
            double oneNode = acknowledge(List.of(one), rest.subList(0, half));
            double twoNodes = acknowledge(List.of(one, two), rest.subList(half, rest.size()));

            // a period already past opens on node2: its reminder and overdue timers are due at once, for both
            // job executors to take
            JsonNode plan = one.get(SUPERVISOR, "/api/plans/" + planId).body();
            String period = pastMonth(plan);
            require(two.put(SUPERVISOR, "/api/plans/" + planId + "/reporting-cadence",
                    Map.of("cadence", "MONTHLY", "dueDay", 10, "graceWorkingDays", 3)), "set the cadence");
            JsonNode opened = require(two.post(SUPERVISOR, "/api/plans/" + planId + "/reporting-periods",
                    Map.of("period", period)), "open " + period).body();
            int reports = opened.path("reports").asInt();
            // every acknowledged task of the plan reports, those of units other than the two above included
            assertThat(reports).as(opened.toString()).isGreaterThanOrEqualTo(acknowledgements.size());
            long timersStarted = System.nanoTime();
            await("every report reminded and marked overdue").atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> count("ReportMarkedOverdue", period) >= reports);
            double timerSeconds = (System.nanoTime() - timersStarted) / 1e9;
            // two more acquisition rounds of both executors (max-wait 5 s): nothing fires a second time
            Thread.sleep(12_000);
            Map<String, Integer> reminded = perTask("ReportReminded", period);
            Map<String, Integer> overdue = perTask("ReportMarkedOverdue", period);
            assertThat(reminded).hasSize(reports);
            assertThat(reminded.values()).as("each reminder timer fired once").containsOnly(1);
            assertThat(overdue).hasSize(reports);
            assertThat(overdue.values()).as("each overdue timer fired once").containsOnly(1);
            assertThat(queryList("select job_id_ from act_hi_job_log where job_state_ = 2 "
                    + "group by job_id_ having count(*) > 1")).as("no job executed twice").isEmpty();
            Map<String, String> timersByNode = queryMap("select hostname_, count(*) from act_hi_job_log "
                    + "where job_state_ = 2 and job_def_type_ like 'timer%' group by hostname_");
            assertThat(timersByNode.keySet()).as("executed under the nodes' ids").isSubsetOf("node1", "node2");

            every_event_was_handled_once_per_processing_group(two);
            both_nodes_read_the_same(one, two, planId, acknowledgements);

            long stored = every_event_is_on_the_topic_once_per_id();
            queryNode = queryNode(node1.baseUrl());
            Duration queryStart = queryNode.start();
            Http query = new Http(queryNode.baseUrl());
            long caughtUpStarted = System.nanoTime();
            awaitCaughtUp(query);
            double catchUpSeconds = (System.nanoTime() - caughtUpStarted) / 1e9;
            the_query_node_reads_the_same(one, query, planId, acknowledgements);

            System.out.printf("[duban-two-nodes] start-up: node1 %.1f s (empty database: schema and demo import), "
                            + "node2 %.1f s%n", start1.toMillis() / 1e3, start2.toMillis() / 1e3);
            System.out.printf("[duban-two-nodes] acknowledgements, 4 clients: one node %.1f/s (%d), two nodes %.1f/s "
                    + "(%d)%n", oneNode, half, twoNodes, rest.size() - half);
            System.out.printf("[duban-two-nodes] races on one task version: %s%n", raced);
            System.out.printf("[duban-two-nodes] %d reports of %s: every reminder and overdue timer fired once, in "
                    + "%.1f s; timer jobs executed per node: %s%n", reports, period, timerSeconds, timersByNode);
            System.out.printf("[duban-two-nodes] event stream: %d events on the topic once per id or more; a query node "
                    + "started in %.1f s and caught up %.1f s later, reading the same as node1%n", stored,
                    queryStart.toMillis() / 1e3, catchUpSeconds);
        } finally {
            if (queryNode != null) {
                stop(queryNode);
            }
            stop(node2);
            stop(node1);
            broker.stop();
        }
    }

    private AppProcess node(String id, boolean demo) {
        Path dir = ROOT.resolve(id + "-" + System.currentTimeMillis());
        return new AppProcess(JAR, dir, JVM, List.of("--spring.profiles.active=postgres",
                "--duban.data-dir=" + dir.resolve("data"), "--duban.demo.enabled=" + demo,
                "--logging.level.org.duban.app.nodes=INFO",
                "--duban.stream.kafka.bootstrap-servers=" + broker.bootstrapServers(), "--duban.stream.topic=" + TOPIC),
                Map.of("DUBAN_DB_URL", jdbcUrl, "DUBAN_DB_USER", dbUser, "DUBAN_DB_PASSWORD", dbPassword,
                        "DUBAN_NODE_ID", id));
    }

    /** A query node on a database of its own, fed by the topic both command nodes publish to. */
    private AppProcess queryNode(String commandNodeUrl) {
        Path dir = ROOT.resolve("query1-" + System.currentTimeMillis());
        return new AppProcess(JAR, dir, QUERY_JVM, List.of("--spring.profiles.active=query,postgres",
                "--duban.data-dir=" + dir.resolve("data"),
                "--duban.stream.kafka.bootstrap-servers=" + broker.bootstrapServers(), "--duban.stream.topic=" + TOPIC,
                "--duban.query-node.command-node-url=" + commandNodeUrl, "--duban.audit.verification.interval=0"),
                Map.of("DUBAN_DB_URL", PostgresServer.shared().createDatabase(), "DUBAN_DB_USER", dbUser,
                        "DUBAN_DB_PASSWORD", dbPassword, "DUBAN_NODE_ID", "query1"));
    }

    /**
     * The event-stream processor ran on one node at a time (one segment, one token): every stored event reached the
     * topic, whichever node appended it. Answers the number of stored events.
     */
    private long every_event_is_on_the_topic_once_per_id() throws SQLException {
        assertThat(queryLong("select count(*) from token_entry where processor_name = 'event-stream'"))
                .as("one token for the event stream, claimed by one node at a time").isEqualTo(1);
        java.util.Set<String> onTopic = new java.util.HashSet<>();
        await("every stored event on the topic").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    onTopic.clear();
                    for (var record : broker.records(TOPIC)) {
                        if (!org.duban.app.stream.EventStreamPublisher.CHAIN_SUBJECT.equals(record.key())) {
                            onTopic.add(Http.JSON.readTree(record.value()).path("id").asText());
                        }
                    }
                    return onTopic.containsAll(queryList("select event_identifier from domain_event_entry"));
                });
        java.util.Set<String> stored = new java.util.HashSet<>(queryList("select event_identifier from domain_event_entry"));
        assertThat(stored).as("nothing on the topic that is not in the store").containsAll(onTopic);
        return stored.size();
    }

    /** Waits until the query node has applied as many events as the store holds, with no lag. */
    private void awaitCaughtUp(Http query) {
        await("the query node applies every event").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Http.Answer health = query.get("admin", "/actuator/health/queryNode");
                    JsonNode details = health.body().path("details");
                    return health.status() == 200 && details.path("lag").asLong(-1) == 0
                            && details.path("applied").asLong() == queryLong("select count(*) from domain_event_entry");
                });
    }

    /** The query node's views answer the same JSON as the command node's. */
    private static void the_query_node_reads_the_same(Http command, Http query, String planId,
                                                      List<String[]> acknowledgements) throws Exception {
        List<String> paths = new ArrayList<>(List.of("/api/plans/" + planId, "/api/plans/" + planId + "/tree"));
        for (String[] acknowledgement : acknowledgements.subList(0, 10)) {
            paths.add("/api/tasks/" + acknowledgement[1]);
        }
        for (String path : paths) {
            assertThat(require(query.get(SUPERVISOR, path), "query node " + path).body()).as(path)
                    .isEqualTo(require(command.get(SUPERVISOR, path), "node1 " + path).body());
        }
    }

    private static void awaitReady(AppProcess node) {
        Http http = new Http(node.baseUrl());
        await("readiness of " + node.baseUrl()).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> http.get("admin", "/actuator/health/readiness").status() == 200);
    }

    private static void each_node_names_itself_and_is_ready(AppProcess node, Http http, String id) throws Exception {
        Http.Answer info = http.get("admin", "/actuator/info");
        assertThat(info.body().path("node").path("id").asText()).as(info.text()).isEqualTo(id);
        assertThat(http.get("admin", "/actuator/health/liveness").body().path("status").asText()).isEqualTo("UP");
        assertThat(http.get("admin", "/actuator/health/readiness").body().path("status").asText()).isEqualTo("UP");
        assertThat(Files.readString(node.log(), StandardCharsets.UTF_8)).as("log lines name the node")
                .contains("[node=" + id + " ");
    }

    private static String publishDazu(Http http) throws Exception {
        JsonNode plan = null;
        for (JsonNode candidate : require(http.get(SUPERVISOR, "/api/plans"), "list plans").body()) {
            if (DAZU.equals(candidate.path("documentNumber").asText())) {
                plan = candidate;
            }
        }
        assertThat(plan).as("the demo plan " + DAZU).isNotNull();
        String planId = plan.path("planId").asText();
        if ("DRAFT".equals(plan.path("status").asText())) {
            require(http.post(SUPERVISOR, "/api/plans/" + planId + "/publication-request", null), "request publication");
            require(http.post(SUPERVISOR, "/api/plans/" + planId + "/publication-approval", null), "approve publication");
        }
        return planId;
    }

    private static Map<String, List<String>> acknowledgementsWaiting(Http http) {
        Map<String, List<String>> waiting = new LinkedHashMap<>();
        await("acknowledgement steps after publication").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    waiting.clear();
                    for (String user : UNIT_USERS) {
                        List<String> tasks = new ArrayList<>();
                        for (JsonNode item : require(http.get(user, "/api/inbox"), "inbox of " + user).body()) {
                            if ("acknowledgeTask".equals(item.path("step").asText())) {
                                tasks.add(item.path("taskId").asText());
                            }
                        }
                        waiting.put(user, tasks);
                    }
                    return waiting.values().stream().mapToInt(List::size).sum() > 0;
                });
        return waiting;
    }

    /** The same request on both nodes at once: one succeeds, the other is refused with a 409 and a code. */
    private static List<Integer> race(Http one, Http two, String user, String path) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            List<Future<Http.Answer>> answers = new ArrayList<>();
            for (Http node : List.of(one, two)) {
                answers.add(both.submit(() -> {
                    go.await();
                    return node.post(user, path, null);
                }));
            }
            go.countDown();
            List<Http.Answer> results = new ArrayList<>();
            for (Future<Http.Answer> answer : answers) {
                results.add(answer.get());
            }
            List<Integer> statuses = results.stream().map(Http.Answer::status).sorted().toList();
            assertThat(statuses).as(results.toString()).hasSize(2).allSatisfy(status -> assertThat(status).isLessThan(500));
            assertThat(statuses.get(0) / 100).as(results.toString()).isEqualTo(2);
            assertThat(statuses.get(1)).as(results.toString()).isEqualTo(409);
            Http.Answer refused = results.stream().filter(answer -> answer.status() == 409).findFirst().orElseThrow();
            assertThat(refused.body().path("code").asText()).as(refused.text())
                    .isIn("step.not-waiting", org.duban.app.web.Races.CODE);
            assertThat(refused.body().path("detail").asText()).isNotBlank();
            return statuses;
        } finally {
            both.shutdownNow();
        }
    }

    /** Acknowledges with 4 clients spread over {@code nodes}; answers acknowledgements per second. */
    private static double acknowledge(List<Http> nodes, List<String[]> acknowledgements) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Http.Answer>> calls = new ArrayList<>();
            for (int i = 0; i < acknowledgements.size(); i++) {
                String[] acknowledgement = acknowledgements.get(i);
                Http node = nodes.get(i % nodes.size());
                calls.add(() -> node.post(acknowledgement[0], "/api/tasks/" + acknowledgement[1] + "/acknowledgement",
                        null));
            }
            long begin = System.nanoTime();
            List<Future<Http.Answer>> answers = clients.invokeAll(calls);
            double seconds = (System.nanoTime() - begin) / 1e9;
            for (Future<Http.Answer> answer : answers) {
                assertThat(answer.get().status() / 100).as(answer.get().toString()).isEqualTo(2);
            }
            return acknowledgements.size() / seconds;
        } finally {
            clients.shutdownNow();
        }
    }

    /** Two months back, within the plan's years: its reminder and overdue days are past. */
    private static String pastMonth(JsonNode plan) {
        YearMonth month = YearMonth.now().minusMonths(2);
        YearMonth last = YearMonth.of(plan.path("endYear").asInt(), 12);
        YearMonth first = YearMonth.of(plan.path("startYear").asInt(), 1);
        if (month.isAfter(last)) {
            month = last;
        }
        if (month.isBefore(first)) {
            month = first;
        }
        return String.format("%d-M%02d", month.getYear(), month.getMonthValue());
    }

    private void every_event_was_handled_once_per_processing_group(Http http) throws Exception {
        long events = queryLong("select count(*) from domain_event_entry");
        assertThat(queryLong("select count(*) from audit_chain_link")).as("one chain link per event").isEqualTo(events);
        assertThat(queryLong("select max(position) from audit_chain_link")).as("positions without gaps").isEqualTo(events);
        assertThat(queryLong("select count(*) from domain_event_entry e left join audit_chain_link l "
                + "on l.global_index = e.global_index where l.global_index is null")).isZero();
        assertThat(queryLong("select count(*) from audit_event")).as("audit-trail saw each event once")
                .isEqualTo(events);
        assertThat(queryLong("select count(*) from task_report"))
                .as("task-reports: one report per period opened")
                .isEqualTo(queryLong("select count(*) from domain_event_entry where payload_type like '%.ReportingPeriodOpened'"));
        JsonNode verification = require(http.get("auditor", "/api/audit/chain/verification"), "verify the chain").body();
        assertThat(verification.path("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.path("linksChecked").asLong()).isEqualTo(events);
    }

    private static void both_nodes_read_the_same(Http one, Http two, String planId, List<String[]> acknowledgements)
            throws Exception {
        assertThat(require(two.get(SUPERVISOR, "/api/plans/" + planId), "plan on node2").body())
                .isEqualTo(require(one.get(SUPERVISOR, "/api/plans/" + planId), "plan on node1").body());
        for (String[] acknowledgement : acknowledgements.subList(0, 10)) {
            String path = "/api/tasks/" + acknowledgement[1];
            assertThat(require(two.get(SUPERVISOR, path), path).body())
                    .isEqualTo(require(one.get(SUPERVISOR, path), path).body());
        }
        for (String user : UNIT_USERS) {
            assertThat(require(two.get(user, "/api/inbox"), "inbox").body().size())
                    .isEqualTo(require(one.get(user, "/api/inbox"), "inbox").body().size());
        }
    }

    private long count(String eventType, String period) throws SQLException {
        return perTask(eventType, period).values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Events of one type for one period, per task. */
    private Map<String, Integer> perTask(String eventType, String period) throws SQLException {
        Map<String, Integer> perTask = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select aggregate_identifier, convert_from(payload, 'UTF8') "
                     + "from domain_event_entry where payload_type like '%." + eventType + "'")) {
            while (rows.next()) {
                JsonNode payload;
                try {
                    payload = Http.JSON.readTree(rows.getString(2));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                if (period.equals(payload.path("periodKey").asText())) {
                    perTask.merge(rows.getString(1), 1, Integer::sum);
                }
            }
        }
        return perTask;
    }

    private long queryLong(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private List<String> queryList(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private Map<String, String> queryMap(String sql) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.put(rows.getString(1), rows.getString(2));
            }
        }
        return values;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    private static Http.Answer require(Http.Answer answer, String what) {
        if (!answer.ok()) {
            throw new AssertionError(what + " answered " + answer.status() + ": " + answer.text());
        }
        return answer;
    }

    private static void stop(AppProcess node) {
        try {
            node.stop();
        } catch (RuntimeException e) {
            node.kill();
        }
    }
}
