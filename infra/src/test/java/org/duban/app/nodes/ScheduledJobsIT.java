package org.duban.app.nodes;

import com.zaxxer.hikari.HikariDataSource;
import org.duban.app.support.PostgresServer;
import org.duban.app.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two "nodes" (two {@link ScheduledJobs} with their own ids) on one database, without the application: each due
 * moment of a job runs once, and while one node runs a job the other skips it (PostgreSQL's advisory lock).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledJobsIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private ScheduledJobs node1;
    private ScheduledJobs node2;

    @BeforeAll
    void database() throws Exception {
        dataSource = new HikariDataSource();
        if (TestDatabases.postgres()) {
            PostgresServer server = PostgresServer.shared();
            dataSource.setJdbcUrl(server.createDatabase());
            dataSource.setUsername(server.username());
            dataSource.setPassword(server.password());
        } else {
            dataSource.setJdbcUrl("jdbc:h2:mem:jobs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        }
        jdbc = new JdbcTemplate(dataSource);
        String script = new ClassPathResource("db/migration/V21__application_nodes.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
        node1 = new ScheduledJobs(dataSource, "node1");
        node2 = new ScheduledJobs(dataSource, "node2");
    }

    @AfterAll
    void close() {
        dataSource.close();
    }

    @Test
    void each_due_moment_of_a_job_runs_on_one_node_whichever_fires_first_or_later() {
        AtomicInteger runs = new AtomicInteger();
        Instant due = Instant.parse("2026-12-01T16:30:00Z");

        assertThat(node1.runOnce("rules", due, runs::incrementAndGet)).isTrue();
        assertThat(node2.runOnce("rules", due, runs::incrementAndGet)).as("node2's clock fired later").isFalse();
        assertThat(node1.runOnce("rules", due.minusSeconds(86_400), runs::incrementAndGet))
                .as("an earlier moment is past").isFalse();
        assertThat(runs).hasValue(1);

        assertThat(node2.runOnce("rules", due.plusSeconds(86_400), runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
        Map<String, Object> record = jdbc.queryForMap("select node, due_at, finished_at from node_job_run where job = 'rules'");
        assertThat(record.get("node")).isEqualTo("node2");
        assertThat(record.get("finished_at")).isNotNull();
    }

    @Test
    void a_catch_up_at_start_runs_without_taking_the_next_due_moment() {
        AtomicInteger runs = new AtomicInteger();
        Instant due = Instant.parse("2026-12-02T16:10:00Z");
        assertThat(node1.runOnce("opening", due, runs::incrementAndGet)).isTrue();

        assertThat(node2.runOnce("opening", null, runs::incrementAndGet)).as("node2 starts up").isTrue();
        assertThat(node2.runOnce("opening", due, runs::incrementAndGet)).isFalse();
        assertThat(node2.runOnce("opening", due.plusSeconds(86_400), runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(3);
    }

    @Test
    void while_one_node_runs_a_job_the_other_skips_it() throws Exception {
        assumeTrue(TestDatabases.postgres(), "one node on H2: there is no other to skip");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> node1.runOnce("assessment", null, () -> {
            runs.incrementAndGet();
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(node2.runOnce("assessment", null, runs::incrementAndGet)).isFalse();
        assertThat(node2.runOnce("another-job", null, runs::incrementAndGet)).as("other jobs are not held").isTrue();
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node2.runOnce("assessment", null, runs::incrementAndGet)).as("released at the guard's commit").isTrue();
        assertThat(runs).hasValue(3);
    }

    @Test
    void a_failed_run_releases_the_lock_and_leaves_its_moment_to_be_tried_again() {
        Instant due = Instant.parse("2026-12-03T16:40:00Z");
        try {
            node1.runOnce("failing", due, () -> {
                throw new IllegalStateException("the work failed");
            });
        } catch (IllegalStateException expected) {
            assertThat(expected).hasMessage("the work failed");
        }
        List<Map<String, Object>> records = jdbc.queryForList("select node from node_job_run where job = 'failing'");
        assertThat(records).as("rolled back with the guard: the moment may be tried again").isEmpty();
        assertThat(node2.runOnce("failing", due, () -> {
        })).isTrue();
    }

    @Test
    void the_due_moment_is_the_latest_the_cron_names_at_or_before_now() {
        String daily = "0 30 0 * * *";
        Instant fired = ZonedDateTime.of(2026, 12, 2, 0, 30, 0, 4_000_000, SHANGHAI).toInstant();
        Instant expected = ZonedDateTime.of(2026, 12, 2, 0, 30, 0, 0, SHANGHAI).toInstant();
        assertThat(ScheduledJobs.dueMoment(daily, SHANGHAI, fired)).isEqualTo(expected);
        assertThat(ScheduledJobs.dueMoment(daily, SHANGHAI, fired.plusSeconds(3_600 * 20))).isEqualTo(expected);
        assertThat(ScheduledJobs.dueMoment(daily, SHANGHAI, expected.minusMillis(1)))
                .isEqualTo(expected.minusSeconds(86_400));
    }
}
