package org.duban.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * {@code java -jar duban.jar} as a child process on a free loopback port: started, killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux), or stopped with SIGTERM. Each start logs to a file of its own.
 */
public final class AppProcess {
    // the ASCII part of "Duban 督办 is running at http…", whatever the child's console encoding
    public static final String READY = "is running at http";
    // generous: on a loaded 2-core machine a restart has taken 9 minutes
    private static final Duration START_LIMIT = Duration.ofMinutes(Long.getLong("crash.start-limit-minutes", 15));

    private final Path jar;
    private final List<String> jvmOptions;
    private final Path workDir;
    private final List<String> appArgs;
    private final Map<String, String> environment;
    private final int port;
    private Process process;
    private Path log;
    private int starts;

    public AppProcess(Path jar, Path workDir, List<String> appArgs, Map<String, String> environment) {
        // C1 only and one GC thread: restarts dominate the run's time on a small machine; durability is
        // a matter of the database settings, not of the JIT
        this(jar, workDir, List.of("-Xmx1g", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), appArgs, environment);
    }

    public AppProcess(Path jar, Path workDir, List<String> jvmOptions, List<String> appArgs,
                      Map<String, String> environment) {
        this.jvmOptions = List.copyOf(jvmOptions);
        this.jar = jar;
        this.workDir = workDir;
        this.appArgs = List.copyOf(appArgs);
        this.environment = Map.copyOf(environment);
        this.port = freeLoopbackPort();
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the jar and waits until it announces itself; answers how long that took. */
    public Duration start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        starts++;
        log = workDir.resolve("app-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daxoniq.update-checker.disabled=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--server.address=127.0.0.1", "--server.port=" + port,
                "--logging.level.root=WARN", "--logging.level.org.duban.app.StartupAnnouncement=INFO"));
        command.addAll(appArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long begin = System.nanoTime();
        try {
            process = builder.start();
            // a failed or interrupted test must not leave the application running
            Process started = process;
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        try {
            await("start " + starts + " of " + jar.getFileName()).atMost(START_LIMIT).pollInterval(Duration.ofMillis(100))
                    .until(() -> !process.isAlive() || logContains(READY));
        } catch (RuntimeException notReady) {
            process.destroyForcibly();
            throw notReady;
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("the application exited with " + process.exitValue() + " during start "
                    + starts + "; log " + log + ":\n" + tail());
        }
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    /** kill -9: no shutdown hook, no flush, no graceful anything. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the ordinary, graceful stop. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    /** The operating system's id of the running process, to read its figures under {@code /proc}. */
    public long pid() {
        if (process == null) {
            throw new IllegalStateException("not started");
        }
        return process.pid();
    }

    /** The log of the latest start. */
    public Path log() {
        return log;
    }

    int starts() {
        return starts;
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private boolean logContains(String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        } catch (RuntimeException e) { // a partly written multi-byte character
            return false;
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
