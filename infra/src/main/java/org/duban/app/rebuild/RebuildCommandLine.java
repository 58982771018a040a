package org.duban.app.rebuild;

import org.duban.app.axon.FailedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/**
 * {@code java -jar duban.jar --duban.rebuild=all} (or {@code =<projection>}): rebuilds, prints progress and the
 * final figures, and exits with 0, or 1 on failure (naming the event a projection could not apply; the views are then
 * as they were). It runs before every other start-up runner (the shipped calendars) and the application exits
 * before it is ready, when the demo data would run, so the store is replayed as it was found.
 */
@Component
@ConditionalOnProperty("duban.rebuild")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RebuildCommandLine implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(RebuildCommandLine.class);
    private static final long PRINT_EVERY_NANOS = 1_000_000_000L;

    private final ProjectionRebuild rebuild;
    private final ConfigurableApplicationContext context;
    private final String selection;
    private final boolean exit;

    RebuildCommandLine(ProjectionRebuild rebuild, ConfigurableApplicationContext context, Environment environment) {
        this.rebuild = rebuild;
        this.context = context;
        this.selection = environment.getRequiredProperty("duban.rebuild");
        // tests start the mode without ending their JVM
        this.exit = environment.getProperty("duban.projection-rebuild.exit", Boolean.class, true);
    }

    @Override
    public void run(ApplicationArguments args) {
        int status = rebuild(selection, System.out);
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    /** Rebuilds {@code selection} ({@code all} or a projection's name), printing to {@code out}; answers the exit status. */
    int rebuild(String selection, PrintStream out) {
        out.println("[duban-rebuild] rebuilding " + selection);
        long[] lastPrinted = {System.nanoTime() - PRINT_EVERY_NANOS};
        try {
            RebuildProgress result = rebuild.runHere(selection, progress -> {
                long now = System.nanoTime();
                if (progress.running() && now - lastPrinted[0] >= PRINT_EVERY_NANOS) {
                    lastPrinted[0] = now;
                    out.println("[duban-rebuild] " + progress.line());
                }
            });
            out.println("[duban-rebuild] " + result.line());
            FailedEvent failed = result.failedEvent();
            if (failed != null) {
                out.println("[duban-rebuild] the event it could not apply: global index " + failed.globalIndex()
                        + ", aggregate " + failed.aggregateId() + ", sequence " + failed.sequenceNumber() + ", type "
                        + failed.eventType() + ", event id " + failed.eventId() + ", projection " + failed.handler()
                        + ", cause " + failed.cause());
            }
            return result.state() == RebuildProgress.State.SUCCEEDED ? 0 : 1;
        } catch (RuntimeException e) {
            log.error("rebuild of {} could not run", selection, e);
            out.println("[duban-rebuild] rebuild of " + selection + " could not run: " + e.getMessage());
            return 1;
        }
    }
}
