package org.duban.app.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What one benchmark run does, from system properties ({@code -Dbench.…}); {@code bench.preset=ci} gives the small run
 * the ordinary build prints (seconds per step, a few plans), the defaults give the full run of docs/BENCHMARKS.md.
 */
record Settings(Set<String> scenarios, int plans, int periods, List<Integer> clients, List<Integer> rates,
                Duration step, int tpcbScale, List<Long> eventSizes, int readSamples, String dbUrl, String dbUser,
                String dbPassword, String sharedBuffers, Path results, boolean profile) {

    static final List<String> ALL = List.of("setup", "submission", "reads", "rebuild", "startup");

    static Settings fromSystemProperties() {
        return read("ci".equals(System.getProperty("bench.preset")));
    }

    /** The small preset, whatever {@code bench.preset} says; other {@code bench.*} properties still apply. */
    static Settings ci() {
        return read(true);
    }

    private static Settings read(boolean ci) {
        return new Settings(
                // the small run leaves out the two extra starts of the application: minutes, not seconds, on CI
                Set.copyOf(List.of(get("bench.scenarios", ci ? "setup,submission,reads,rebuild" : String.join(",", ALL))
                        .split(","))),
                Integer.parseInt(get("bench.plans", ci ? "2" : "115")),
                Integer.parseInt(get("bench.periods", ci ? "2" : "3")),
                ints(get("bench.clients", ci ? "1,8" : "1,8,32")),
                ints(get("bench.rates", ci ? "10" : "10,50,200")),
                Duration.ofSeconds(Long.parseLong(get("bench.step-seconds", ci ? "3" : "20"))),
                Integer.parseInt(get("bench.tpcb-scale", ci ? "1" : "10")),
                Arrays.stream(get("bench.events", ci ? "5000" : "100000,1000000").split(","))
                        .filter(s -> !s.isBlank()).map(String::strip).map(Long::parseLong).toList(),
                Integer.parseInt(get("bench.read-samples", ci ? "20" : "200")),
                System.getProperty("bench.db-url"),
                get("bench.db-user", "postgres"),
                get("bench.db-password", "postgres"),
                get("bench.shared-buffers", "512MB"),
                Path.of(get("bench.results", "target/benchmark/results.md")).toAbsolutePath(),
                Boolean.parseBoolean(get("bench.profile", "false")));
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario) || scenarios.contains("all");
    }

    private static String get(String name, String otherwise) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private static List<Integer> ints(String list) {
        return Arrays.stream(list.split(",")).filter(s -> !s.isBlank()).map(String::strip).map(Integer::parseInt).toList();
    }
}
