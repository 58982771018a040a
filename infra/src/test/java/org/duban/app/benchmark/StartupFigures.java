package org.duban.app.benchmark;

import org.duban.app.reliability.AppProcess;
import org.duban.app.reliability.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Start-up of the embedded default as the README runs it: {@code java -jar duban.jar} with the README's JVM options on
 * a fresh H2 data directory. The first start finds an empty database and imports the demo data before it is ready;
 * the second start, on the same data, finds it there. Then {@code infra/bin/archive-classes.sh} prepares the faster
 * start (the jar unpacked and a class-data archive of a training start), and a third start on the same data uses it:
 * the second start is its baseline. Each start is timed from launching the process to
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

    /**
     * The first start (empty database, demo import), the second (same data, demo present), and a later start with the
     * class-data archive, which took {@code archiveSeconds} to prepare.
     */
    public record Result(Start first, Start second, Start archived, double archiveSeconds) {
        public List<String> lines() {
            return List.of(first.line("start-up, first start (empty database, demo import)"),
                    second.line("start-up, later start (demo data present)"),
                    archived.line("start-up, later start with the class-data archive"));
        }
    }

    /** The script that prepares the archived start, relative to infra (where the build runs the tests). */
    static final Path ARCHIVE_SCRIPT = Path.of("bin", "archive-classes.sh").toAbsolutePath();

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
        Path archived = runDir.resolve("fast-start");
        long begin = System.nanoTime();
        archive(jar, archived);
        double archiveSeconds = (System.nanoTime() - begin) / 1e9;
        List<String> jvm = new ArrayList<>(README_JVM_OPTIONS);
        jvm.add("-XX:SharedArchiveFile=" + archived.resolve("duban.jsa"));
        AppProcess fast = new AppProcess(archived.resolve("duban.jar"), runDir, jvm,
                List.of("--duban.data-dir=" + runDir.resolve("data")), Map.of());
        Start third = timedStart(fast);
        fast.stop();
        return new Result(first, second, third, archiveSeconds);
    }

    /** Runs {@link #ARCHIVE_SCRIPT} for {@code jar} into {@code directory}; fails with the script's words. */
    public static void archive(Path jar, Path directory) {
        try {
            ProcessBuilder builder = new ProcessBuilder(ARCHIVE_SCRIPT.toString(), jar.toString(), directory.toString())
                    .redirectErrorStream(true);
            // the archive fits only the JVM that made it: the one the application will be started with
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process script = builder.start();
            String said = new String(script.getInputStream().readAllBytes());
            if (!script.waitFor(5, TimeUnit.MINUTES) || script.exitValue() != 0) {
                throw new IllegalStateException(ARCHIVE_SCRIPT + " failed: " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
