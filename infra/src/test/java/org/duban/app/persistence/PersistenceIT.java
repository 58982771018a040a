package org.duban.app.persistence;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.duban.api.plan.CreatePlan;
import org.duban.api.plan.PlanPeriod;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema is Flyway's, binary columns are bytea on PostgreSQL, and one transaction manager serves all. */
@DubanIntegrationTest
class PersistenceIT {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    List<PlatformTransactionManager> transactionManagers;
    @Autowired
    List<DataSource> dataSources;

    @Test
    void flyway_created_the_axon_and_projection_tables() throws IOException {
        List<String> applied = jdbc.queryForList(
                "select \"script\" from \"flyway_schema_history\" where \"success\" = true and \"type\" = 'SQL' "
                        + "order by \"installed_rank\"",
                String.class);
        // every script shipped, in version order, and nothing else
        List<String> shipped = Arrays.stream(new PathMatchingResourcePatternResolver()
                        .getResources(SchemaMigrations.LOCATION + "/V*.sql"))
                .map(Resource::getFilename)
                .sorted(Comparator.comparingInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))))
                .toList();
        assertThat(shipped).startsWith("V1__axon_store.sql", "V2__plan_summary.sql", "V3__plan_tree.sql");
        assertThat(applied).isEqualTo(shipped);
    }

    @Test
    void events_are_stored_as_readable_json_with_their_metadata() {
        String planId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreatePlan(planId, "大足区任务分解", null, "大足区人民政府办公室", new PlanPeriod(2024, 2027), "区政府督查室"));

        var row = jdbc.queryForMap("select payload, meta_data, payload_type, payload_revision from domain_event_entry "
                + "where aggregate_identifier = ?", planId);
        assertThat(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8))
                .startsWith("{").contains("\"title\":\"大足区任务分解\"");
        assertThat(new String((byte[]) row.get("meta_data"), StandardCharsets.UTF_8))
                .startsWith("{").contains("\"actorUser\":\"system\"");
        assertThat(row.get("payload_type")).isEqualTo("org.duban.api.plan.PlanCreated");
        assertThat(row.get("payload_revision")).isEqualTo("1");
    }

    @Test
    void one_data_source_and_one_transaction_manager_serve_camunda_axon_and_the_projections() {
        assertThat(dataSources).hasSize(1);
        assertThat(transactionManagers).hasSize(1);
        assertThat(transactionManagers.get(0))
                .isInstanceOf(JpaTransactionManager.class);
    }

    @Test
    void the_event_global_index_sequence_hands_out_one_value_at_a_time() {
        Long increment = TestDatabases.postgres()
                ? jdbc.queryForObject("select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'", Long.class)
                : jdbc.queryForObject("select increment from information_schema.sequences where sequence_name = 'DOMAIN_EVENT_ENTRY_SEQ'", Long.class);
        assertThat(increment).isEqualTo(1L);
    }

    @Test
    void no_column_is_a_large_object_on_postgres() {
        if (!TestDatabases.postgres()) {
            assertThat(jdbc.queryForObject("select data_type from information_schema.columns "
                    + "where table_name = 'DOMAIN_EVENT_ENTRY' and column_name = 'PAYLOAD'", String.class))
                    .isEqualTo("BINARY LARGE OBJECT");
            return;
        }
        List<String> oidColumns = jdbc.queryForList("select table_name || '.' || column_name from information_schema.columns "
                + "where table_schema = 'public' and data_type = 'oid'", String.class);
        assertThat(oidColumns).isEmpty();
        commands.sendAndWait(new CreatePlan(UUID.randomUUID().toString(), "t", null, "i", new PlanPeriod(2024, 2027), "区政府督查室"));
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class))
                .as("stored events leave nothing in pg_largeobject").isZero();
        List<String> byteaColumns = jdbc.queryForList("select table_name || '.' || column_name from information_schema.columns "
                + "where table_schema = 'public' and data_type = 'bytea' and table_name not like 'act\\_%' order by 1", String.class);
        assertThat(byteaColumns).containsExactlyInAnyOrder(
                "audit_chain_head.hash", "audit_chain_link.hash", "audit_chain_link.prev_hash",
                "dead_letter_entry.diagnostics",
                "dead_letter_entry.meta_data", "dead_letter_entry.payload", "dead_letter_entry.token",
                "domain_event_entry.meta_data", "domain_event_entry.payload",
                "evidence.content",
                "saga_entry.serialized_saga",
                "snapshot_event_entry.meta_data", "snapshot_event_entry.payload",
                "token_entry.token");
    }
}
