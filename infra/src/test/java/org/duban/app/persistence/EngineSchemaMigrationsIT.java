package org.duban.app.persistence;

import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The project's migrations of the process engine's tables run after the engine built them: completing a task finds
 * its subtasks, and a task's page the instances of its assignment and reports, through an index, not by reading every
 * open task or instance.
 */
@DubanIntegrationTest
class EngineSchemaMigrationsIT {
    private static final String SUBTASKS = "select id_ from act_ru_task where parent_task_id_ = 'a-task'";
    /** What a task's page asks for: the instances of the task's assignment and of its reports. */
    private static final String INSTANCES_OF_A_TASK = "select id_ from act_ru_execution where business_key_ = 'a-task' "
            + "or business_key_ like 'a-task/%'";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_engine_migrations_ran_once_the_engine_had_built_its_tables() {
        List<String> applied = jdbc.queryForList("select \"script\" from \"" + EngineSchemaMigrations.HISTORY_TABLE
                + "\" where \"success\" = true and \"type\" = 'SQL' order by \"installed_rank\"", String.class);

        assertThat(applied).containsExactly("V1__task_parent_index.sql", "V2__business_key_prefix_index.sql",
                "V3__waiting_steps.sql");
    }

    @Test
    void the_engine_task_table_has_an_index_on_the_parent_task() {
        Map<String, List<String>> indexes = jdbc.execute((ConnectionCallback<Map<String, List<String>>>) connection ->
                indexColumns(connection, "ACT_RU_TASK"));

        assertThat(indexes).containsEntry("duban_idx_task_parent", List.of("parent_task_id_"));
    }

    @Test
    void postgresql_finds_the_subtasks_of_a_task_through_the_index() {
        assertThat(postgresPlan(SUBTASKS)).contains("duban_idx_task_parent").doesNotContain("Seq Scan");
    }

    @Test
    void postgresql_finds_the_instances_of_a_task_and_its_reports_by_business_key_through_the_prefix_index() {
        assertThat(postgresPlan(INSTANCES_OF_A_TASK)).contains("duban_idx_exec_buskey_prefix")
                .doesNotContain("Seq Scan");
    }

    private String postgresPlan(String query) {
        assumeTrue(TestDatabases.postgres(), "the plan is PostgreSQL's");
        return jdbc.execute((ConnectionCallback<String>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // a test database holds few tasks, where reading the table would be cheaper
                statement.execute("set local enable_seqscan = off");
                StringBuilder lines = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("explain " + query)) {
                    while (rows.next()) {
                        lines.append(rows.getString(1)).append('\n');
                    }
                }
                return lines.toString();
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /** The table's indexes, lower-cased, with their columns in order. */
    private static Map<String, List<String>> indexColumns(Connection connection, String table) throws java.sql.SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        String name = metaData.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
        Map<String, List<String>> indexes = new TreeMap<>();
        try (ResultSet rows = metaData.getIndexInfo(connection.getCatalog(), connection.getSchema(), name, false, false)) {
            while (rows.next()) {
                if (rows.getString("INDEX_NAME") != null) {
                    indexes.computeIfAbsent(rows.getString("INDEX_NAME").toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                            .add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return indexes;
    }
}
