package org.duban.app.persistence;

import org.duban.app.support.PostgresServer;
import org.duban.app.support.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Until V10 each database had scripts of its own (kept as they shipped under {@code legacy-migrations/}); one set
 * with placeholders replaced them. A database those scripts migrated keeps validating and migrating, and a fresh
 * database gets exactly the schema they built. Runs on the database {@link TestDatabases} chooses.
 */
class FormerSchemaScriptsIT {
    /** The last version the former scripts shipped. */
    private static final String LAST_FORMER = "10";
    private static final String HISTORY = "select \"version\", \"checksum\" from \"flyway_schema_history\" "
            + "where \"type\" = 'SQL'";

    private static DataSource emptyDatabase() {
        if (TestDatabases.postgres()) {
            PostgresServer server = PostgresServer.shared();
            return new DriverManagerDataSource(server.createDatabase(), server.username(), server.password());
        }
        return new DriverManagerDataSource("jdbc:h2:mem:former-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** Flyway as the former scripts of this database ran, optionally up to {@code target}. */
    private static void migrateWithFormerScripts(DataSource dataSource, String target) {
        String folder = TestDatabases.postgres() ? "postgresql" : "h2";
        Flyway.configure().dataSource(dataSource).locations("classpath:legacy-migrations/" + folder)
                .target(target).load().migrate();
    }

    private static Map<String, Integer> checksums(DataSource dataSource) {
        return new JdbcTemplate(dataSource).query(HISTORY, (row, n) -> Map.entry(row.getString(1), row.getInt(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void the_shared_scripts_build_the_schema_the_former_scripts_of_this_database_built() {
        DataSource former = emptyDatabase();
        migrateWithFormerScripts(former, "latest");
        DataSource shared = emptyDatabase();
        // the shared scripts as far as the former ones went; later versions exist only as shared scripts
        SchemaMigrations.configure(shared).target(LAST_FORMER).load().migrate();

        String evidenceContent = "column " + (TestDatabases.postgres() ? "evidence.content bytea " : "EVIDENCE.CONTENT BINARY LARGE OBJECT ");
        assertThat(SchemaSnapshot.of(shared)).isEqualTo(SchemaSnapshot.of(former))
                .anySatisfy(line -> assertThat(line).startsWith(evidenceContent));
        if (TestDatabases.postgres()) {
            assertThat(SchemaSnapshot.of(shared)).contains("storage evidence.content e");
        }
    }

    @Test
    void a_database_the_former_scripts_migrated_validates_and_migrates_with_the_shared_ones() {
        DataSource dataSource = emptyDatabase();
        migrateWithFormerScripts(dataSource, "latest");
        var before = SchemaSnapshot.of(dataSource);

        SchemaMigrations.configure(dataSource).target(LAST_FORMER).load().migrate();
        SchemaMigrations.configure(dataSource).target(LAST_FORMER).load().validate();
        assertThat(SchemaSnapshot.of(dataSource)).isEqualTo(before);
        // and takes the later shared scripts, becoming what a fresh database becomes
        SchemaMigrations.configure(dataSource).load().migrate();
        SchemaMigrations.configure(dataSource).load().validate();
        DataSource fresh = emptyDatabase();
        SchemaMigrations.configure(fresh).load().migrate();
        assertThat(SchemaSnapshot.of(dataSource)).isEqualTo(SchemaSnapshot.of(fresh));
        Map<String, Integer> recorded = checksums(dataSource);
        for (FormerChecksums.Former former : FormerChecksums.FORMER) {
            assertThat(recorded).containsEntry(former.version(), former.shared());
        }
    }

    @Test
    void a_database_the_former_scripts_migrated_part_of_the_way_takes_the_rest_from_the_shared_ones() {
        DataSource partly = emptyDatabase();
        migrateWithFormerScripts(partly, "6");
        SchemaMigrations.configure(partly).load().migrate();
        DataSource fresh = emptyDatabase();
        SchemaMigrations.configure(fresh).load().migrate();

        assertThat(SchemaSnapshot.of(partly)).isEqualTo(SchemaSnapshot.of(fresh));
        assertThat(checksums(partly)).isEqualTo(checksums(fresh));
    }

    @Test
    void the_former_checksums_differ_and_plain_flyway_would_refuse_the_database() {
        DataSource dataSource = emptyDatabase();
        migrateWithFormerScripts(dataSource, "latest");
        SchemaMigrations.Database database = TestDatabases.postgres()
                ? SchemaMigrations.Database.POSTGRESQL : SchemaMigrations.Database.H2;

        assertThat(checksums(dataSource)).containsEntry("1", FormerChecksums.FORMER.get(0).of(database));
        assertThatThrownBy(() -> Flyway.configure().dataSource(dataSource).locations(SchemaMigrations.LOCATION)
                .placeholders(database.placeholders()).load().validate())
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("checksum mismatch");
    }

    @Test
    void a_checksum_no_released_script_had_still_fails_validation() {
        DataSource dataSource = emptyDatabase();
        migrateWithFormerScripts(dataSource, "latest");
        new JdbcTemplate(dataSource).update(
                "update \"flyway_schema_history\" set \"checksum\" = 12345 where \"version\" = '3'");

        assertThatThrownBy(() -> SchemaMigrations.configure(dataSource).load().migrate())
                .isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("Migration checksum mismatch for migration version 3");
    }
}
