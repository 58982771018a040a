package org.duban.app.rebuild;

import com.zaxxer.hikari.HikariDataSource;
import org.duban.app.support.PostgresServer;
import org.duban.app.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two gates, as two application nodes have them, on one PostgreSQL database, without the application: an append in
 * flight on one node holds back the other node's rebuild step, a rebuild step holds back the other node's appends,
 * and the projections one node suspends are skipped by the other.
 */
class RebuildGateAcrossNodesIT {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private RebuildGate node1;
    private RebuildGate node2;

    @BeforeEach
    void database() throws Exception {
        assumeTrue(TestDatabases.postgres(), "one node on H2: the gate of one JVM is tested by ProjectionRebuildIT");
        PostgresServer server = PostgresServer.shared();
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(server.createDatabase());
        dataSource.setUsername(server.username());
        dataSource.setPassword(server.password());
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table domain_event_entry (global_index bigint primary key)");
        jdbc.update("insert into domain_event_entry values (1), (2), (3)");
        String script = new ClassPathResource("db/migration/V21__application_nodes.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        node1 = new RebuildGate(jdbc, transaction, dataSource, "node1");
        node2 = new RebuildGate(jdbc, transaction, dataSource, "node2");
    }

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void an_append_in_flight_on_one_node_holds_back_a_rebuild_on_the_other() throws Exception {
        CountDownLatch appending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> append = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            node2.holdWhileAppending().handle(List.of());
            appending.countDown();
            await(release);
        }));
        assertThat(appending.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> node1.suspendAtHead(Duration.ofMillis(500), List.of("task-work"), "run-1"))
                .isInstanceOf(RebuildRefused.class).hasMessageContaining("another node");
        assertThat(jdbc.queryForList("select processor from projection_suspension", String.class))
                .as("nothing suspended by a step that did not get its quiet moment").isEmpty();

        CompletableFuture<Long> reset = CompletableFuture.supplyAsync(
                () -> node1.suspendAtHead(WAIT, List.of("task-work"), "run-1"));
        Thread.sleep(300);
        assertThat(reset).as("waits for the append on node2").isNotDone();
        release.countDown();
        append.get(10, TimeUnit.SECONDS);
        assertThat(reset.get(10, TimeUnit.SECONDS)).as("the head, read while no append was in flight").isEqualTo(3);
    }

    @Test
    void projections_suspended_by_one_node_are_skipped_by_the_other_until_the_catch_up_commits() throws Exception {
        node1.suspendAtHead(WAIT, List.of("task-work", "audit-trail"), "run-2");
        assertThat(suspendedSeenBy(node2, "task-work", "plan-tree")).containsExactly("task-work");
        assertThat(node1.isSuspended("audit-trail")).isTrue();

        assertThatThrownBy(() -> node2.suspendAtHead(WAIT, List.of("audit-trail"), "run-3"))
                .isInstanceOf(RebuildRefused.class).hasMessageContaining("running on node node1");

        // the catch-up: node1 holds the gate exclusively until its transaction commits; node2's append waits
        CountDownLatch caughtUp = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> catchUp = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            node1.exclusivelyUntilCompletion(WAIT, completion -> node1.resumeHere(List.of("task-work", "audit-trail")));
            node1.resumeOnCommit(List.of("task-work", "audit-trail"));
            caughtUp.countDown();
            await(commit);
        }));
        assertThat(caughtUp.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Set<String>> append = CompletableFuture.supplyAsync(
                () -> suspendedSeenBy(node2, "task-work", "audit-trail"));
        Thread.sleep(300);
        assertThat(append).as("node2's append waits for the catch-up to commit").isNotDone();
        commit.countDown();
        catchUp.get(10, TimeUnit.SECONDS);
        assertThat(append.get(10, TimeUnit.SECONDS)).as("live handling resumed with the commit").isEmpty();
        assertThat(node1.isSuspended("task-work")).isFalse();
    }

    @Test
    void a_node_restarted_after_dying_in_a_rebuild_resumes_what_it_left_suspended() {
        node1.suspendAtHead(WAIT, List.of("calendar"), "run-4");
        node2.suspendAtHead(WAIT, List.of("plan-summary"), "run-5");

        RebuildGate restarted = new RebuildGate(jdbc, transaction, dataSource, "node1");
        restarted.resumeWhatThisNodeLeftSuspended();

        assertThat(jdbc.queryForList("select processor from projection_suspension", String.class))
                .as("node2's run goes on").containsExactly("plan-summary");
    }

    /** What a publishing transaction on {@code node} skips, of {@code processors}. */
    private Set<String> suspendedSeenBy(RebuildGate node, String... processors) {
        return transaction.execute(status -> {
            node.holdWhileAppending().handle(List.of());
            return Set.of(processors).stream().filter(node::isSuspended)
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
