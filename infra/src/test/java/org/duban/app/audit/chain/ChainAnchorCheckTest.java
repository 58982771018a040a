package org.duban.app.audit.chain;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.duban.api.plan.PlanCreated;
import org.duban.app.persistence.SchemaMigrations;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The anchored head against a small chain in an in-memory H2 database: what it catches that the database alone
 * cannot, and what it must not call broken.
 */
@SuppressWarnings("unchecked")
class ChainAnchorCheckTest {
    private static final OffsetDateTime ANCHORED = OffsetDateTime.of(2026, 11, 30, 20, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dir;
    private JdbcTemplate jdbc;
    private ChainVerifier verifier;
    private ChainAnchorFile anchors;

    @BeforeEach
    void a_chain_of_six_links() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:anchor-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        jdbc = new JdbcTemplate(dataSource);
        SchemaMigrations.configure(dataSource).target("6").load().migrate();
        for (long globalIndex = 1; globalIndex <= 6; globalIndex++) {
            jdbc.update("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                            + "event_identifier, payload_type, payload_revision, time_stamp, payload, meta_data) "
                            + "values (?, 'plan-1', ?, 'Plan', ?, 'PlanCreated', '1', "
                            + "'2024-01-01T00:00:00Z', ?, null)", globalIndex, globalIndex - 1,
                    UUID.randomUUID().toString(), ("{\"n\":" + globalIndex + "}").getBytes(StandardCharsets.UTF_8));
        }
        SchemaMigrations.configure(dataSource).load().migrate();
        AuditProperties properties = new AuditProperties(HashAlgorithm.SM3,
                new AuditProperties.Verification(Duration.ZERO, Duration.ZERO, 4),
                new AuditProperties.Anchor(dir.resolve("audit-anchors.log")));
        new EventChain(jdbc, properties, new DataSourceTransactionManager(dataSource), new SimpleMeterRegistry())
                .backfillIfPending();
        verifier = new ChainVerifier(jdbc, properties);
        anchors = new ChainAnchorFile(properties);
    }

    @Test
    void an_intact_chain_holds_its_anchor_and_grows_past_it() throws Exception {
        anchors.append(headAt(4), ANCHORED);

        ChainVerification result = verifier.verify(null, null, null, anchors.read());

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.anchor().position()).isEqualTo(4);
        assertThat(result.describe()).contains("anchored head 4:").contains("held by the chain");
    }

    @Test
    void a_cut_tail_under_a_rewritten_head_verifies_alone_but_not_against_the_anchor() throws Exception {
        ChainHead anchored = headAt(6);
        anchors.append(anchored, ANCHORED);
        cutTailAndRewriteHead(4);

        assertThat(verifier.verify().problems()).as("the database alone is consistent").isEmpty();
        ChainVerification result = verifier.verify(null, null, null, anchors.read());

        assertThat(result.intact()).isFalse();
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.ANCHORED_HEAD_NOT_ON_CHAIN);
            assertThat(problem.position()).isEqualTo(6);
            assertThat(problem.detail()).startsWith("the chain no longer holds the head anchored at 2026-11-30T20:00:00Z: "
                    + "position 6 (SM3 " + anchored.hash() + ")").contains("head, which is at position 4");
        });
        assertThat(result.describe()).contains("BROKEN").contains("NOT held by the chain");
    }

    @Test
    void a_chain_rewritten_from_before_the_anchor_and_grown_past_it_again_is_caught() throws Exception {
        anchors.append(headAt(5), ANCHORED);
        String anchoredHash = headAt(5).hash();
        // event 5 edited, and every hash from there on recomputed, the head included
        jdbc.update("update domain_event_entry set payload = ? where global_index = 5",
                "{\"n\":55}".getBytes(StandardCharsets.UTF_8));
        byte[] previous = ChainHash.unhex(headAt(4).hash());
        for (long position = 5; position <= 6; position++) {
            ChainedEvent event = jdbc.queryForObject("select " + ChainedEvent.COLUMNS + " from domain_event_entry e "
                    + "where e.global_index = ?", (row, n) -> ChainedEvent.read(row, 1), position);
            byte[] hash = ChainHash.of(HashAlgorithm.SM3, previous, position, event);
            jdbc.update("update audit_chain_link set prev_hash = ?, hash = ? where position = ?", previous, hash, position);
            previous = hash;
        }
        jdbc.update("update audit_chain_head set hash = ? where id = 1", previous);
        assertThat(verifier.verify().problems()).as("the database alone is consistent").isEmpty();

        ChainVerification result = verifier.verify(null, null, null, anchors.read());

        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.ANCHORED_HEAD_NOT_ON_CHAIN);
            assertThat(problem.detail()).contains("position 5 (SM3 " + anchoredHash + ")")
                    .contains("now has SM3 " + headAt(5).hash());
        });
    }

    @Test
    void an_anchor_of_another_algorithm_is_not_held_even_with_the_same_hash() throws Exception {
        ChainHead head = headAt(5);
        anchors.append(new ChainHead(5, 5L, head.hash(), "SHA-256", null), ANCHORED);

        ChainVerification result = verifier.verify(null, null, null, anchors.read());

        assertThat(result.firstProblem().kind()).isEqualTo(ChainProblem.Kind.ANCHORED_HEAD_NOT_ON_CHAIN);
        assertThat(result.firstProblem().detail()).contains("(SHA-256 " + head.hash() + ")").contains("now has SM3");
    }

    @Test
    void without_an_anchor_file_the_chain_is_checked_alone_with_a_warning() throws Exception {
        cutTailAndRewriteHead(4);

        ChainVerification result = verifier.verify(null, null, null, anchors.read());

        assertThat(result.intact()).isTrue();
        assertThat(result.anchor()).isNull();
        assertThat(result.warnings()).hasSize(2);
        assertThat(result.warnings().get(0)).contains("does not exist");
        assertThat(result.warnings().get(1)).contains("no head of this chain was anchored");
        assertThat(result.describe()).contains("warning: no head of this chain was anchored");
    }

    @Test
    void an_explicit_head_or_a_range_is_not_checked_against_the_anchor() throws Exception {
        anchors.append(headAt(6), ANCHORED);
        String sixth = headAt(6).reference();
        cutTailAndRewriteHead(4);

        ChainVerification explicit = verifier.verify(null, null, headAt(3).reference(), anchors.read());
        assertThat(explicit.intact()).isTrue();
        assertThat(explicit.anchor()).isNull();
        assertThat(verifier.verify(2L, 3L, null, anchors.read()).intact()).isTrue();
        assertThat(verifier.verify(null, null, sixth, anchors.read()).firstProblem().kind())
                .isEqualTo(ChainProblem.Kind.EXPECTED_HEAD_NOT_ON_CHAIN);
    }

    @Test
    void a_torn_last_line_falls_back_to_the_anchor_before_it() throws Exception {
        anchors.append(headAt(3), ANCHORED);
        Files.writeString(dir.resolve("audit-anchors.log"), "2026-11-30T21:00:00Z 6:" + headAt(6).hash(),
                java.nio.file.StandardOpenOption.APPEND);
        cutTailAndRewriteHead(4); // the torn anchor would have caught this; the one before it cannot

        ChainVerification result = verifier.verify(null, null, null, anchors.read());

        assertThat(result.intact()).isTrue();
        assertThat(result.anchor().position()).isEqualTo(3);
        assertThat(result.warnings()).singleElement().asString().contains("incomplete");
    }

    @Test
    void the_start_up_verification_runs_in_the_background_and_anchors_an_intact_head() {
        ChainMonitor monitor = monitor();
        try {
            monitor.start();
            monitor.ready();
            await().atMost(Duration.ofSeconds(30)).until(() -> monitor.last().isPresent());
            assertThat(monitor.last().orElseThrow().intact()).isTrue();
            assertThat(anchors.read().last().reference()).isEqualTo(headAt(6).reference());
            assertThat(monitor.lastAnchor().orElseThrow().position()).isEqualTo(6);
        } finally {
            monitor.stop();
        }
    }

    @Test
    void a_broken_anchor_at_start_up_raises_the_alarm_and_anchors_nothing() throws Exception {
        ChainAnchor anchored = anchors.append(headAt(6), ANCHORED).orElseThrow();
        cutTailAndRewriteHead(4);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ChainMonitor monitor = monitor(meters);
        try {
            monitor.start();
            monitor.ready();
            await().atMost(Duration.ofSeconds(30)).until(() -> monitor.last().isPresent());
        } finally {
            monitor.stop();
        }
        assertThat(monitor.last().orElseThrow().firstProblem().kind()).isEqualTo(ChainProblem.Kind.ANCHORED_HEAD_NOT_ON_CHAIN);
        assertThat(meters.get("duban.audit.chain.broken").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("duban.audit.chain.anchored.position").gauge().value()).isEqualTo(6.0);
        var health = new AuditChainHealthIndicator(monitor).health();
        assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
        assertThat(health.getDetails()).containsEntry("firstBrokenPosition", 6L).containsEntry("anchor", anchored);
        assertThat(anchors.read().last()).isEqualTo(anchored);
    }

    @Test
    void a_head_that_cannot_be_anchored_is_a_warning_in_the_health_details() throws Exception {
        Files.createDirectory(dir.resolve("audit-anchors.log")); // a directory where the file should be
        ChainMonitor monitor = monitor();

        assertThat(monitor.verifyNow().intact()).isTrue();

        var health = new AuditChainHealthIndicator(monitor).health();
        assertThat(health.getStatus().getCode()).isEqualTo("UP");
        assertThat((List<String>) health.getDetails().get("warnings"))
                .anySatisfy(warning -> assertThat(warning).contains("cannot be read"))
                .anySatisfy(warning -> assertThat(warning).contains("could not be anchored"));
    }

    private ChainMonitor monitor() {
        return monitor(new SimpleMeterRegistry());
    }

    private ChainMonitor monitor(SimpleMeterRegistry meters) {
        AuditProperties hourly = new AuditProperties(HashAlgorithm.SM3,
                new AuditProperties.Verification(Duration.ofHours(1), Duration.ZERO, 4),
                new AuditProperties.Anchor(dir.resolve("audit-anchors.log")));
        return new ChainMonitor(verifier, anchors, hourly, meters);
    }

    /** What a database administrator would do: delete the last events and links, set the head consistently. */
    private void cutTailAndRewriteHead(long newLast) {
        jdbc.update("delete from domain_event_entry where global_index in "
                + "(select global_index from audit_chain_link where position > ?)", newLast);
        jdbc.update("delete from audit_chain_link where position > ?", newLast);
        jdbc.update("update audit_chain_head set position = ?, global_index = "
                + "(select global_index from audit_chain_link where position = ?), hash = "
                + "(select hash from audit_chain_link where position = ?) where id = 1", newLast, newLast, newLast);
    }

    private ChainHead headAt(long position) {
        return jdbc.queryForObject("select position, global_index, hash, algorithm from audit_chain_link "
                        + "where position = ?", (row, n) -> new ChainHead(row.getLong(1), row.getLong(2),
                        ChainHash.hex(row.getBytes(3)), row.getString(4), null), position);
    }
}
