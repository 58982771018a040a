package org.duban.app.benchmark;

import org.duban.app.reliability.AppProcess;
import org.duban.app.reliability.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The faster start the README offers: {@code infra/bin/archive-classes.sh} unpacks the packaged jar and writes a
 * class-data archive of a training start, and the application then starts with it and works. The JVM is told to
 * refuse to start rather than run without the archive ({@code -Xshare:on}), and its class-loading log shows the
 * application's classes coming from the archive. Its speed is the benchmark's business (docs/BENCHMARKS.md), not
 * this test's. PostgreSQL pass only, like the benchmark: it starts the embedded default (H2) whatever the pass.
 */
class ArchivedStartIT {
    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void the_application_starts_from_its_class_data_archive_and_answers() throws Exception {
        Path work = Files.createDirectories(Path.of("target", "archived-start-it").toAbsolutePath());
        Path archived = work.resolve("fast-start");
        StartupFigures.archive(BenchmarkRun.JAR, archived);
        assertThat(archived.resolve("duban.jsa")).isNotEmptyFile();
        assertThat(archived.resolve("duban.jar")).isRegularFile();

        Path classLog = work.resolve("class-load.log");
        Files.deleteIfExists(classLog);
        List<String> jvm = new ArrayList<>(StartupFigures.README_JVM_OPTIONS);
        jvm.addAll(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archived.resolve("duban.jsa"),
                "-Xlog:class+load=info:file=" + classLog));
        AppProcess app = new AppProcess(archived.resolve("duban.jar"), work, jvm,
                List.of("--duban.data-dir=" + work.resolve("data"), "--duban.demo.enabled=false"), Map.of());
        app.start();
        try {
            Http http = new Http(app.baseUrl());
            assertThat(http.get("admin", "/actuator/health/readiness").body().path("status").asText()).isEqualTo("UP");
            assertThat(http.get("supervisor", "/api/plans").ok()).isTrue();
        } finally {
            app.stop();
        }
        try (Stream<String> lines = Files.lines(classLog)) {
            long fromArchive = lines.filter(line -> line.contains("org.duban.") || line.contains("org.camunda.")
                    || line.contains("org.axonframework.")).filter(line -> line.contains("shared objects file (top)"))
                    .count();
            assertThat(fromArchive).as("Duban's, Camunda's and Axon's classes mapped from the archive").isGreaterThan(1000);
        }
    }
}
