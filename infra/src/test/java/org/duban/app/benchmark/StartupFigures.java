package org.duban.app.benchmark;

import org.duban.app.reliability.AppProcess;
import org.duban.app.reliability.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Start-up of the embedded default as the README runs it: {@code java -jar duban.jar} with the README's JVM options on
 * a fresh H2 data directory. The first start finds an empty database and imports the demo data before it is ready;
 * the second start, on the same data, finds it there. Each start is timed from launching the process to
 * {@code /actuator/health/readiness} answering UP, and the process's resident memory ({@code VmRSS}) and CPU time
 * are read from {@code /proc} at that moment; then the process is stopped as {@code kill} would stop it.
 * <p>
 * CPU seconds are given beside the wall-clock seconds because they hardly change with what else the machine runs,
 * while the wall clock of a start on a busy 2-core machine can be several times a quiet one's.
 */
public final class StartupFigures {
    /** The JVM options of the README's {@code java -jar} command (and of {@code spring-boot:run} in infra's pom). */
    public static final List<String> README_JVM_OPTIONS = List.of("-Xmx512m", "-XX:+UseSerialGC");
    private static final Duration READINESS_LIMIT = Duration.ofMinutes(2);

    /** One start: seconds from launch to readiness, CPU seconds the process used until then, resident MB then. */
    public record Start(double seconds, double cpuSeconds, long residentMegabytes) {
        String line(String which) {
            return String.format(Locale.ROOT, "%s: ready in %.1f s (%.1f s of CPU), %d MB resident", which, seconds,
                    cpuSeconds, residentMegabytes);
        }
    }

    /** The first start (empty database, demo import) and the second (same data, demo present). */
    public record Result(Start first, Start second) {
        public List<String> lines() {
            return List.of(first.line("start-up, first start (empty database, demo import)"),
                    second.line("start-up, later start (demo data present)"));
        }
    }

    private StartupFigures() {
    }

    /**
     * Starts {@code jar} twice on a new data directory under {@code workDir} (created if missing), and answers both
     * starts' figures. Reads {@code /proc}, so Linux only.
     */
    public static Result measure(Path jar, Path workDir) {
        Path runDir;
        try {
            Files.createDirectories(workDir);
            runDir = Files.createTempDirectory(workDir, "startup-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AppProcess app = new AppProcess(jar, runDir, README_JVM_OPTIONS,
                List.of("--duban.data-dir=" + runDir.resolve("data")), Map.of());
        Start first = timedStart(app);
        app.stop();
        Start second = timedStart(app);
        app.stop();
        return new Result(first, second);
    }

    private static Start timedStart(AppProcess app) {
        long begin = System.nanoTime();
        app.start();
        Http http = new Http(app.baseUrl());
        await("readiness of " + app.baseUrl()).atMost(READINESS_LIMIT).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> ready(http));
        double seconds = (System.nanoTime() - begin) / 1e9;
        Path proc = Path.of("/proc", Long.toString(app.pid()));
        return new Start(seconds, cpuSeconds(proc), residentMegabytes(proc));
    }

    private static boolean ready(Http http) throws IOException, InterruptedException {
        Http.Answer answer = http.get("admin", "/actuator/health/readiness");
        return answer.ok() && answer.body() != null && "UP".equals(answer.body().path("status").asText());
    }

    /** VmRSS of /proc/<pid>/status, in MB. */
    static long residentMegabytes(Path proc) {
        try {
            return Files.readAllLines(proc.resolve("status")).stream().filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no VmRSS in " + proc.resolve("status")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** User and system time of /proc/<pid>/stat (fields 14 and 15, in clock ticks of 1/100 s on Linux). */
    static double cpuSeconds(Path proc) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // the command name in parentheses may hold spaces: count the fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code StartupFigures <jar> <work directory>}: prints both starts' figures. */
    public static void main(String[] args) {
        Result result = measure(Path.of(args[0]).toAbsolutePath(), Path.of(args[1]).toAbsolutePath());
        result.lines().forEach(System.out::println);
    }
}
