package org.duban.app.audit.chain;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.duban.api.plan.PlanCreated;
import org.duban.app.persistence.SchemaMigrations;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An existing database: events stored before V7 are chained once, in global index order, and only those. */
class ChainBackfillTest {

    @Test
    void events_stored_before_the_chain_existed_are_linked_once_at_start_up() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:backfill-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        SchemaMigrations.configure(dataSource).target("6").load().migrate();
        for (long globalIndex : new long[]{3, 1, 2}) { // inserted out of order: the chain follows the global index
            insertEvent(jdbc, globalIndex);
        }
        SchemaMigrations.configure(dataSource).load().migrate();
        assertThat(jdbc.queryForObject("select backfill_to from audit_chain_head", Long.class)).isEqualTo(3);

        AuditProperties properties = new AuditProperties(HashAlgorithm.SHA_256,
                new AuditProperties.Verification(Duration.ZERO, Duration.ZERO, 2),
                new AuditProperties.Anchor(null));
        EventChain chain = new EventChain(jdbc, properties, new DataSourceTransactionManager(dataSource),
                new SimpleMeterRegistry());
        chain.backfillIfPending();
        insertEvent(jdbc, 4); // stored behind the application's back after the backfill
        chain.backfillIfPending();

        assertThat(jdbc.queryForList("select global_index from audit_chain_link order by position", Long.class))
                .containsExactly(1L, 2L, 3L);
        assertThat(jdbc.queryForList("select algorithm from audit_chain_link", String.class)).containsOnly("SHA-256");
        ChainVerification result = new ChainVerifier(jdbc, properties).verify();
        assertThat(result.linksChecked()).isEqualTo(3);
        assertThat(result.head().position()).isEqualTo(3);
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.kind()).isEqualTo(ChainProblem.Kind.UNCHAINED_EVENT);
            assertThat(problem.globalIndex()).isEqualTo(4);
        });
    }

    private static void insertEvent(JdbcTemplate jdbc, long globalIndex) {
        jdbc.update("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
                        + "event_identifier, payload_type, payload_revision, time_stamp, payload, meta_data) "
                        + "values (?, ?, 0, 'Plan', ?, 'PlanCreated', '1', '2024-01-01T00:00:00Z', ?, null)",
                globalIndex, "plan-" + globalIndex, UUID.randomUUID().toString(),
                ("{\"n\":" + globalIndex + "}").getBytes(StandardCharsets.UTF_8));
    }
}
