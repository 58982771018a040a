package org.duban.app.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import org.duban.app.reliability.AppProcess;
import org.duban.app.support.Clients;
import org.duban.app.support.Clients.Answer;
import org.duban.process.benchmark.BareEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark (issue 16): Duban's figures beside baselines measured in the same run on the same PostgreSQL server,
 * printed as {@code [bench] …} lines and written to {@code bench.results} (target/benchmark/results.md). Not part of
 * the ordinary test patterns; run it with
 * {@code ./mvnw -pl infra -am verify -Pbenchmark -DskipTests} (settings in {@link Settings}, docs/BENCHMARKS.md).
 * The ordinary build runs its small preset through {@code BenchmarkIT}. It fails on a lost or refused write, never
 * on a time.
 */
class BenchmarkRun {
    static final Path JAR = Path.of("target", "duban.jar").toAbsolutePath();

    @Test
    @Timeout(value = 4, unit = TimeUnit.HOURS)
    void run() throws Exception {
        run(Settings.fromSystemProperties());
    }

    static Results run(Settings settings) throws Exception {
        assertThat(JAR).as("the packaged application (mvn package)").exists();
        Results results = new Results();
        results.context("machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Machine.memory() + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + ", Java " + System.getProperty("java.version"));
        results.context("settings: " + settings);
        Path root = settings.results().getParent();
        // the start-up scenario needs no province: asked alone, it runs without the database and the application
        if (Settings.ALL.stream().filter(scenario -> !scenario.equals("startup")).anyMatch(settings::runs)) {
            try (BenchDatabase db = BenchDatabase.start(settings)) {
                results.context("database: " + db.description + " (the application, the engine baseline and the "
                        + "JDBC baseline each in a database of their own on this server)");
                Province province = new Province();
                String appDb = db.create("bench_duban");
                List<String> jvm = new ArrayList<>(List.of("-Xmx2g", "-XX:+UseParallelGC"));
                if (settings.profile()) {
                    // JDK Flight Recorder over the whole run, written when the application stops (docs/BENCHMARKS.md)
                    // stacks deep enough to reach the HTTP handler through Camunda, Axon and the projections
                    jvm.add("-XX:FlightRecorderOptions=stackdepth=512");
                    jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + root.resolve("app.jfr"));
                }
                AppProcess app = new AppProcess(JAR, root.resolve("app"), jvm,
                        List.of("--spring.profiles.active=postgres", "--duban.demo.enabled=false",
                                "--spring.config.additional-location=file:" + province.accountsFile(root)),
                        Map.of("DUBAN_DB_URL", appDb, "DUBAN_DB_USER", db.user, "DUBAN_DB_PASSWORD", db.password));
                Duration start = app.start();
                results.context("application started on an empty PostgreSQL database in "
                        + String.format("%.1f s", start.toMillis() / 1000.0));
                try {
                    Clients clients = new Clients(app.baseUrl());
                    Setup setup = setUp(settings, province, clients, results);
                    long openSteps = count(db, appDb, "select count(*) from act_ru_task");
                    results.context(String.format("province: %d plans, %d tasks (%d without an account), %d periods, "
                                    + "%d open workflow steps, %d events", province.planIds.size(), province.tasks.size(),
                            province.tasksWithoutAccount, province.periods.size(), openSteps,
                            count(db, appDb, "select count(*) from domain_event_entry")));
                    Baselines baselines = baselines(settings, db, openSteps, results);
                    setup.report(results, baselines);
                    if (settings.runs("submission")) {
                        if (settings.profile()) {
                            db.resetStatements(appDb);
                        }
                        submissions(settings, province, clients, baselines, results);
                        if (settings.profile()) {
                            Files.writeString(root.resolve("submission-statements.md"), db.statements(appDb, 40));
                            results.context("profile: the server's statements during the submission steps in "
                                    + root.resolve("submission-statements.md"));
                        }
                    }
                    if (settings.runs("reads") || settings.runs("rebuild")) {
                        readsAndRebuild(settings, province, clients, app, db, appDb, results);
                    }
                } finally {
                    app.stop();
                }
            }
        }
        if (settings.runs("startup")) {
            StartupFigures.Result startup = StartupFigures.measure(JAR, root.resolve("startup"));
            String scenario = "start-up of the embedded default (java -jar " + String.join(" ",
                    StartupFigures.README_JVM_OPTIONS) + ", H2 file, demo data)";
            for (var start : List.of(Map.entry("first start (empty database, demo import)", startup.first()),
                    Map.entry("later start (demo data present)", startup.second()))) {
                results.add(scenario, start.getKey() + ": to readiness", start.getValue().seconds(), "s",
                        String.format("%.1f s of CPU", start.getValue().cpuSeconds()));
                results.add(scenario, start.getKey() + ": resident memory at readiness",
                        start.getValue().residentMegabytes(), "MB", "");
            }
            StartupFigures.Start archived = startup.archived();
            String fast = "start-up with the class-data archive (infra/bin/archive-classes.sh, then java "
                    + String.join(" ", StartupFigures.README_JVM_OPTIONS) + " -XX:SharedArchiveFile=… -jar, same data)";
            results.add(fast, "later start: to readiness", archived.seconds(), "s", "later start without the archive",
                    startup.second().seconds(), String.format("%.1f s of CPU against %.1f s; the archive took %.0f s "
                            + "to prepare", archived.cpuSeconds(), startup.second().cpuSeconds(), startup.archiveSeconds()));
            results.add(fast, "later start: resident memory at readiness", archived.residentMegabytes(), "MB",
                    "later start without the archive", startup.second().residentMegabytes(), "");
        }
        results.write(settings.results());
        return results;
    }

    // ---- set-up: the data generator through the API, its own figures ----

    /** What setting the province up measured: import, publication, acknowledgement, period opening. */
    record Setup(int tasks, double importSeconds, double publicationSeconds, Loads.Outcome acknowledgements,
                 int reportsOpened, double openingSeconds) {
        void report(Results results, Baselines baselines) {
            results.add("import (1 client, Dazu-shaped .csv, 94 tasks each)", "tasks imported per second",
                    tasks / importSeconds, "tasks/s", "");
            results.add("publication (request + approval, all tasks assigned)", "time per task",
                    publicationSeconds * 1000 / tasks, "ms", "");
            Loads.Outcome bare = baselines.engine.get(8);
            results.add("acknowledgement (8 clients)", "acknowledgements per second", acknowledgements.rate(), "/s",
                    "bare engine completing one user task, 8 clients", bare == null ? Double.NaN : bare.rate(),
                    acknowledgements.latencies().summary() + failures(acknowledgements));
            results.add("period opening (a report process per acknowledged task)", "reports opened per second",
                    reportsOpened / openingSeconds, "/s", "");
        }
    }

    private static Setup setUp(Settings settings, Province province, Clients clients, Results results) throws Exception {
        long begin = System.nanoTime();
        for (int n = 1; n <= settings.plans(); n++) {
            province.importPlan(clients, n);
        }
        double importSeconds = Province.since(begin).toNanos() / 1e9;
        for (String planId : province.planIds) {
            province.tasksOf(clients, planId);
        }
        begin = System.nanoTime();
        for (String planId : province.planIds) {
            province.publish(clients, planId);
        }
        double publicationSeconds = Province.since(begin).toNanos() / 1e9;
        ConcurrentLinkedQueue<Province.Task> toAcknowledge = new ConcurrentLinkedQueue<>(
                province.tasks.stream().filter(task -> task.user() != null).toList());
        Loads.Outcome acknowledgements = Loads.closed(8, Duration.ofHours(2), () -> {
            Province.Task task = toAcknowledge.poll();
            if (task == null) {
                return false;
            }
            province.acknowledge(clients, task);
            return true;
        });
        if (acknowledgements.failed() > 0) {
            throw new IllegalStateException(acknowledgements.failed() + " acknowledgements were refused, first: "
                    + acknowledgements.latencies().firstFailures());
        }
        begin = System.nanoTime();
        for (String planId : province.planIds) {
            province.openPeriods(clients, planId, settings.periods());
        }
        double openingSeconds = Province.since(begin).toNanos() / 1e9;
        int opened = (int) province.tasks.stream().filter(task -> task.user() != null).count() * province.periods.size();
        return new Setup(province.tasks.size(), importSeconds, publicationSeconds, acknowledgements, opened,
                openingSeconds);
    }

    // ---- baselines on the same server ----

    /** The same-run baselines: closed loop per client count, open loop per offered rate. */
    record Baselines(Map<Integer, Loads.Outcome> tpcb, Map<Integer, Loads.Outcome> engine,
                     Map<Integer, Loads.Outcome> engineOffered) {
    }

    private static Baselines baselines(Settings settings, BenchDatabase db, long openSteps, Results results)
            throws Exception {
        Map<Integer, Loads.Outcome> tpcb = new LinkedHashMap<>();
        TpcbLike jdbc = new TpcbLike(db, settings.tpcbScale());
        jdbc.load();
        for (int clients : settings.clients()) {
            tpcb.put(clients, jdbc.run(clients, settings.step()));
            System.out.printf("[bench] baseline JDBC TPC-B-like, %d clients: %.0f tx/s%n", clients, tpcb.get(clients).rate());
        }
        Map<Integer, Loads.Outcome> engine = new LinkedHashMap<>();
        Map<Integer, Loads.Outcome> offered = new LinkedHashMap<>();
        try (BareEngine bare = new BareEngine(db.create("bench_engine"), db.user, db.password, 72)) {
            long begin = System.nanoTime();
            bare.open((int) openSteps, 4);
            results.context(String.format("bare engine: %d one-user-task instances opened in %.0f s (as many open "
                    + "tasks as the application has steps)", bare.openTasks(), Province.since(begin).toMillis() / 1000.0));
            for (int clients : settings.clients()) {
                engine.put(clients, Loads.closed(clients, settings.step(), bare::completeNext));
                System.out.printf("[bench] baseline bare engine, %d clients: %.0f completions/s%n", clients,
                        engine.get(clients).rate());
            }
            for (int rate : settings.rates()) {
                offered.put(rate, Loads.open(rate, settings.step(), 64, bare::completeNext));
            }
        }
        return new Baselines(tpcb, engine, offered);
    }

    // ---- the submission scenario ----

    private static void submissions(Settings settings, Province province, Clients clients, Baselines baselines,
                                    Results results) throws Exception {
        ConcurrentLinkedQueue<Province.Report> waiting = province.reports();
        ConcurrentLinkedQueue<Province.Report> submitted = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        Loads.Work submit = () -> {
            Province.Report report = waiting.poll();
            if (report == null) {
                return false;
            }
            Answer answer = Province.submit(clients, report);
            if (answer.status() / 100 != 2) {
                refused.incrementAndGet();
                throw new IllegalStateException("submission refused: " + answer);
            }
            submitted.add(report);
            return true;
        };
        String scenario = "report submission (HTTP → user task → command → event → views, one transaction)";
        for (int n : settings.clients()) {
            Loads.Outcome outcome = Loads.closed(n, settings.step(), submit);
            String note = outcome.latencies().summary() + failures(outcome) + (outcome.ranOut() ? "; ran out of reports" : "");
            results.add(scenario, n + " clients, closed loop", outcome.rate(), "/s",
                    "bare engine, " + n + " clients", baselines.engine().get(n).rate(), note);
            results.add(scenario, n + " clients, closed loop", outcome.rate(), "/s",
                    "JDBC TPC-B-like, " + n + " clients", baselines.tpcb().get(n).rate(), "");
        }
        for (int rate : settings.rates()) {
            Loads.Outcome outcome = Loads.open(rate, settings.step(), 64, submit);
            Loads.Outcome bare = baselines.engineOffered().get(rate);
            results.add(scenario, "offered " + rate + "/s: p99", outcome.latencies().millis(0.99), "ms",
                    "bare engine offered " + rate + "/s: p99", bare.latencies().millis(0.99),
                    String.format("achieved %.1f/s; %s%s", outcome.rate(), outcome.latencies().summary(), failures(outcome)));
        }
        // every 2xx must be in the task's view: read each one back
        int missing = 0;
        for (Province.Report report : submitted) {
            JsonNode task = Province.json(Province.ok(clients.send(report.user(), "GET", "/api/tasks/" + report.taskId(),
                    null, null), "read back"));
            boolean found = false;
            for (JsonNode stored : task.path("reports")) {
                found |= stored.path("periodKey").asText().equals(report.period())
                        && stored.path("status").asText().equals("SUBMITTED");
            }
            if (!found) {
                missing++;
            }
        }
        results.context(String.format("submissions: %d answered 2xx, %d of them not found submitted when read back, "
                + "%d refused", submitted.size(), missing, refused.get()));
        assertThat(missing).as("2xx submissions missing from the views").isZero();
        assertThat(refused.get()).as("submissions refused").isZero();
    }

    // ---- reads as the event store grows, and the rebuild at each size ----

    private static void readsAndRebuild(Settings settings, Province province, Clients clients, AppProcess app,
                                        BenchDatabase db, String appDb, Results results) throws Exception {
        Map<String, Long> perUser = new LinkedHashMap<>();
        province.tasks.stream().filter(task -> task.user() != null)
                .forEach(task -> perUser.merge(task.user(), 1L, Long::sum));
        String busiest = perUser.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String planId = province.planIds.get(0);
        String taskId = province.tasks.stream().filter(t -> t.planId().equals(planId) && busiest.equals(t.user()))
                .findFirst().orElseThrow().taskId();
        Reads reads = new Reads(app.baseUrl(), clients, busiest, planId, taskId);
        results.context(String.format("reads: as %s (%d tasks led, the busiest unit), plan %s, task %s; %d samples "
                        + "each after as many warm-up reads, one after another", busiest, perUser.get(busiest), planId,
                taskId, settings.readSamples()));
        Map<String, Double> first = new LinkedHashMap<>();
        List<Long> sizes = new ArrayList<>();
        sizes.add(count(db, appDb, "select count(*) from domain_event_entry"));
        settings.eventSizes().stream().filter(size -> size > sizes.get(0)).forEach(sizes::add);
        for (long size : sizes) {
            long events = count(db, appDb, "select count(*) from domain_event_entry");
            if (events < size) {
                EventStoreGrowth.grow(db, appDb, size, app.baseUrl(), settings, results);
                events = count(db, appDb, "select count(*) from domain_event_entry");
            }
            if (!settings.runs("reads")) {
                continue;
            }
            if (settings.profile()) {
                db.resetStatements(appDb);
            }
            Map<String, Latencies> measured = reads.measure(settings.readSamples());
            if (settings.profile()) {
                Path statements = settings.results().getParent().resolve("reads-statements-" + events + ".md");
                Files.writeString(statements, db.statements(appDb, 40));
                results.context("profile: the server's statements during the reads at " + events + " events in " + statements);
            }
            for (Map.Entry<String, Latencies> read : measured.entrySet()) {
                double p95 = read.getValue().millis(0.95);
                String measure = String.format("p95 at %,d events", events);
                if (first.putIfAbsent(read.getKey(), p95) == null) {
                    results.add(read.getKey(), measure, p95, "ms", read.getValue().summary());
                } else {
                    results.add(read.getKey(), measure, p95, "ms", String.format("same read at %,d events", sizes.get(0)),
                            first.get(read.getKey()), read.getValue().summary());
                }
            }
        }
    }

    static String failures(Loads.Outcome outcome) {
        return outcome.failed() == 0 ? "" : "; " + outcome.failed() + " failed";
    }

    static long count(BenchDatabase db, String url, String sql) throws Exception {
        try (Connection c = db.connect(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
