package org.duban.app.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts of the machine a run had, for the results' heading. */
final class Machine {
    private Machine() {
    }

    static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB memory")
                    .orElse("memory unknown");
        } catch (IOException | RuntimeException e) {
            return "memory unknown";
        }
    }
}
