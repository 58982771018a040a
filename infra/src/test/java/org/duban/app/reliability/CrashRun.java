package org.duban.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.app.support.PostgresServer;
import org.duban.app.support.WaitingStepsAgreeWithEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

/**
 * The crash test (issue 9): the packaged application killed with {@code kill -9} again and again while many clients
 * work on reports, restarted after each kill, on the embedded H2 default and on PostgreSQL. Not part of the ordinary
 * build (its name matches neither surefire's nor failsafe's patterns); run it with
 * {@code ./mvnw -pl infra -am verify -Pcrash-test -DskipTests} (see docs/RELIABILITY.md).
 *
 * <p>Settings (system properties): {@code crash.databases} (h2,postgres), {@code crash.kills} (10),
 * {@code crash.clients} (50), {@code crash.months} (14 monthly periods opened), {@code crash.window.min} /
 * {@code crash.window.max} (seconds of work before each kill, 6 / 15), {@code crash.seed},
 * {@code crash.h2-url} (a datasource URL for the H2 run, e.g. the old default without WRITE_DELAY=0).
 */
class CrashRun {
    private static final Path JAR = Path.of("target", "duban.jar").toAbsolutePath();
    private static final Path ROOT = Path.of("target", "crash").toAbsolutePath();

    private final int kills = Integer.getInteger("crash.kills", 10);
    private final int clients = Integer.getInteger("crash.clients", 50);
    private final int months = Integer.getInteger("crash.months", 14);
    private final int windowMin = Integer.getInteger("crash.window.min", 6);
    private final int windowMax = Integer.getInteger("crash.window.max", 15);
    private final long seed = Long.getLong("crash.seed", System.nanoTime());

    /** What one database went through and what survived. */
    record Result(String database, Verdict verdict, int kills, List<Integer> inFlightAtKill, List<Duration> restarts,
                  double workSeconds, int jobs, int jobsDone, int jobsAbandoned, long storeBytes) {
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.MINUTES)
    void no_confirmed_write_is_lost_duplicated_or_left_inconsistent_by_kill_minus_nine() throws Exception {
        assertThat(JAR).as("the packaged application (mvn package)").exists();
        System.out.printf("[crash] %d kills, %d clients, seed %d%n", kills, clients, seed);
        // the databases are crashed side by side: restarts dominate the time, and each run has its own process,
        // port, data directory and database
        List<String> databases = Stream.of(System.getProperty("crash.databases", "h2,postgres").split(","))
                .map(String::strip).toList();
        ExecutorService runs = Executors.newFixedThreadPool(databases.size());
        List<Future<Result>> started = new ArrayList<>();
        for (String database : databases) {
            started.add(runs.submit(() -> crash(database)));
        }
        List<Result> results = new ArrayList<>();
        try {
            for (Future<Result> run : started) {
                results.add(run.get());
            }
        } finally {
            runs.shutdownNow();
        }
        System.out.println(table(results));
        assertAll(results.stream().map(result -> () -> {
            Verdict verdict = result.verdict();
            assertThat(verdict.lost).as(result.database() + ": confirmed writes lost").isZero();
            assertThat(verdict.duplicated).as(result.database() + ": writes recorded twice").isZero();
            assertThat(verdict.inconsistent).as(result.database() + ": reports whose events, view and steps disagree").isZero();
            // a run that confirmed little, or killed an idle server, would prove nothing
            assertThat(verdict.confirmed).as(result.database() + ": confirmed writes").isGreaterThan(20 * result.kills());
            assertThat(result.inFlightAtKill()).as(result.database() + ": requests in flight at each kill")
                    .allMatch(n -> n > 0);
        }));
    }

    private Result crash(String database) throws Exception {
        Path dir = ROOT.resolve(database);
        deleteRecursively(dir);
        Path dataDir = dir.resolve("data");
        List<String> args = new ArrayList<>(List.of("--duban.data-dir=" + dataDir));
        Map<String, String> environment = new HashMap<>();
        String jdbcUrl;
        String user;
        String password;
        switch (database) {
            case "h2" -> {
                String url = System.getProperty("crash.h2-url");
                if (url != null && !url.isBlank()) {
                    args.add("--spring.datasource.url=" + url);
                }
                jdbcUrl = "jdbc:h2:file:" + dataDir.resolve("duban");
                user = "sa";
                password = "";
            }
            case "postgres" -> {
                PostgresServer server = PostgresServer.shared();
                jdbcUrl = server.createDatabase();
                user = server.username();
                password = server.password();
                environment.putAll(Map.of("DUBAN_DB_URL", jdbcUrl, "DUBAN_DB_USER", user, "DUBAN_DB_PASSWORD", password));
                args.addAll(List.of("--spring.profiles.active=postgres", "--duban.demo.enabled=true"));
            }
            default -> throw new IllegalArgumentException("crash.databases: h2 or postgres, not " + database);
        }
        AppProcess app = new AppProcess(JAR, dir, args, environment);
        try {
            return crash(database, app, jdbcUrl, user, password, dataDir);
        } finally {
            app.kill(); // no-op once stopped; a failed run leaves nothing running
        }
    }

    private Result crash(String database, AppProcess app, String jdbcUrl, String user, String password, Path dataDir)
            throws Exception {
        Random random = new Random(seed);
        Duration first = app.start();
        System.out.printf("[crash] %s: first start %.1f s; setting up%n", database, seconds(first));
        Workload workload = new Workload(clients);
        workload.setUp(new Http(app.baseUrl()), months);
        System.out.printf("[crash] %s: plan published, %d tasks acknowledged, periods %s, %d reports to work on%n",
                database, workload.ledger.size(), workload.periods, workload.jobs.size());
        workload.startClients();
        List<Integer> inFlight = new ArrayList<>();
        List<Duration> restarts = new ArrayList<>();
        double workSeconds = 0;
        for (int kill = 1; kill <= kills; kill++) {
            Duration window = Duration.ofMillis(1000L * windowMin + random.nextInt(1000 * (windowMax - windowMin) + 1));
            long begin = System.nanoTime();
            workload.open(new Http(app.baseUrl()));
            workload.awaitAllJobsDone(window);
            // kill while writes are in flight: just after a restart the clients may all be reading for a while
            org.awaitility.Awaitility.await("a write in flight").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> workload.inFlight.get() > 0 || workload.allJobsDone());
            workload.close();
            inFlight.add(workload.inFlight.get());
            app.kill();
            workSeconds += (System.nanoTime() - begin) / 1e9;
            Duration restart = app.start();
            restarts.add(restart);
            System.out.printf("[crash] %s: kill %d after %.1f s of work with %d requests in flight; restarted in %.1f s"
                            + " (%d writes sent so far, %d reports through)%n", database, kill, seconds(window),
                    inFlight.get(inFlight.size() - 1), seconds(restart), workload.ledger.size(), workload.jobsDone.get());
        }
        workload.finish();
        Http http = new Http(app.baseUrl());
        Map<String, JsonNode> views = new HashMap<>();
        for (String taskId : workload.jobs.stream().map(job -> job.taskId).collect(LinkedHashSet<String>::new, Set::add, Set::addAll)) {
            Http.Answer detail = http.get(Workload.SUPERVISOR, "/api/tasks/" + taskId);
            if (detail.ok()) {
                views.put(taskId, detail.body());
            }
        }
        Set<String> openSteps = new HashSet<>();
        for (String who : List.of("health", "market", Workload.SUPERVISOR)) {
            for (JsonNode item : Workload.inbox(http, who, null)) {
                openSteps.add(item.path("step").asText() + "|" + item.path("taskId").asText() + "|"
                        + item.path("period").asText() + "|" + who);
            }
        }
        app.stop();
        List<StoredEvents.Event> events;
        List<String> ledgerDifferences = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            events = StoredEvents.read(connection);
            // the inboxes read the ledger, so the steps above are the engine's only where the ledger agrees with it
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery(WaitingStepsAgreeWithEngine.DIFFERENCES)) {
                while (rows.next()) {
                    ledgerDifferences.add(rows.getString(1) + ": step " + rows.getString(2) + " of "
                            + rows.getString(3) + " " + rows.getString(4));
                }
            }
        }
        Verdict verdict = Verdict.of(workload, events, views, openSteps);
        verdict.inconsistent += ledgerDifferences.size();
        ledgerDifferences.forEach(difference -> verdict.problem("inconsistent: the inboxes' ledger, " + difference));
        verdict.problems.forEach(problem -> System.out.println("[crash] " + database + ": " + problem));
        long storeBytes = database.equals("h2") ? size(dataDir) : -1;
        return new Result(database, verdict, kills, inFlight, restarts, workSeconds, workload.jobs.size(),
                workload.jobsDone.get(), workload.jobsAbandoned.get(), storeBytes);
    }

    static String table(List<Result> results) {
        StringBuilder out = new StringBuilder("\n[crash] kill -9 while clients work, restart after each kill\n");
        String format = "%-11s %9s %6s %10s %12s %19s %5s %5s %11s %17s %15s%n";
        out.append(String.format(Locale.ROOT, format, "database", "confirmed", "lost", "duplicated", "inconsistent",
                "unanswered(stored)", "4xx", "5xx", "confirmed/s", "restart s med/max", "in flight/kill"));
        for (Result r : results) {
            Verdict v = r.verdict();
            List<Double> restarts = r.restarts().stream().map(CrashRun::seconds).sorted().toList();
            double median = restarts.isEmpty() ? 0 : restarts.get((restarts.size() - 1) / 2);
            double max = restarts.isEmpty() ? 0 : restarts.get(restarts.size() - 1);
            out.append(String.format(Locale.ROOT, format, r.database(), v.confirmed, v.lost, v.duplicated, v.inconsistent,
                    v.unanswered + " (" + v.unansweredApplied + ")", v.refused, v.serverErrors,
                    String.format(Locale.ROOT, "%.1f", v.confirmed / Math.max(1, r.workSeconds())),
                    String.format(Locale.ROOT, "%.1f / %.1f", median, max),
                    r.inFlightAtKill().stream().mapToInt(Integer::intValue).min().orElse(0) + "-"
                            + r.inFlightAtKill().stream().mapToInt(Integer::intValue).max().orElse(0)));
        }
        for (Result r : results) {
            Verdict v = r.verdict();
            out.append(String.format(Locale.ROOT, "%-11s confirmed by kind %s; reports %d, through %d, abandoned %d; "
                            + "%d kills, %.0f s of work; answered 4xx but stored: %d%s%n", r.database(), v.confirmedByKind,
                    r.jobs(), r.jobsDone(), r.jobsAbandoned(), r.kills(), r.workSeconds(), v.refusedButStored,
                    r.storeBytes() >= 0 ? String.format(Locale.ROOT, "; database files %.1f MB", r.storeBytes() / 1e6) : ""));
        }
        return out.toString();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
