package org.duban.app.benchmark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's small preset in the ordinary build (PostgreSQL pass only): a regression shows in the log's
 * {@code [bench]} lines. It asserts that every scenario printed its figures and that no write was lost or refused,
 * never a time.
 */
class BenchmarkIT {
    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void the_small_run_prints_every_figure_beside_its_baseline_and_loses_no_write() throws Exception {
        Results results = BenchmarkRun.run(Settings.ci());

        assertThat(results.figures()).extracting(Results.Figure::scenario).anyMatch(s -> s.startsWith("report submission"))
                .anyMatch(s -> s.startsWith("import")).anyMatch(s -> s.startsWith("acknowledgement"));
        assertThat(results.figures()).filteredOn(f -> f.scenario().startsWith("report submission"))
                .allSatisfy(f -> {
                    assertThat(f.value()).isPositive();
                    assertThat(f.baseline()).isPositive();
                });
    }
}
