package org.duban.app.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The application's schema: one set of Flyway scripts for every database it runs on, in {@link #LOCATION}. The few
 * places where H2 and PostgreSQL spell a type differently are placeholders whose values {@link Database} gives.
 * The application's Flyway, the tests and any scratch database are configured here, so that they all build the same
 * schema.
 */
public final class SchemaMigrations {
    /** The one folder of versioned scripts, for every database. */
    public static final String LOCATION = "classpath:db/migration";

    private SchemaMigrations() {
    }

    /** A Flyway configuration that migrates {@code dataSource} as the application migrates its own database. */
    public static FluentConfiguration configure(DataSource dataSource) {
        FluentConfiguration configuration = Flyway.configure().dataSource(dataSource);
        applyTo(configuration);
        return configuration;
    }

    /**
     * Points {@code configuration} at the scripts with the placeholders of its data source's database, keeping the
     * placeholders and callbacks it has, and lets a database migrated by the former per-database scripts validate.
     */
    public static void applyTo(FluentConfiguration configuration) {
        Database database = Database.of(configuration.getDataSource());
        Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
        placeholders.putAll(database.placeholders());
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(new FormerChecksums(database));
        configuration.locations(LOCATION)
                .placeholders(placeholders)
                .callbacks(callbacks.toArray(Callback[]::new));
    }

    /** A database the scripts are written for, and the words it needs for the placeholders. */
    public enum Database {
        H2(Map.of(
                "blob", "blob",
                "hash", "varbinary(64)",
                "zero_hash", "X'0000000000000000000000000000000000000000000000000000000000000000'",
                "long_text", "varchar(1000000)",
                "postgresql_only", "-- ")),
        // bytea, never blob: PostgreSQL would need oid large objects, kept outside the row in pg_largeobject
        POSTGRESQL(Map.of(
                "blob", "bytea",
                "hash", "bytea",
                "zero_hash", "'\\x0000000000000000000000000000000000000000000000000000000000000000'::bytea",
                "long_text", "text",
                "postgresql_only", ""));

        private final Map<String, String> placeholders;

        Database(Map<String, String> placeholders) {
            this.placeholders = placeholders;
        }

        /**
         * Values of the scripts' placeholders: {@code ${blob}} binary content of any size, {@code ${hash}} a digest
         * of up to 64 bytes, {@code ${zero_hash}} the literal of 32 zero bytes, {@code ${long_text}} text of up to
         * a million characters, {@code ${postgresql_only}} put before a one-line statement that only PostgreSQL
         * runs (H2 reads it as a comment).
         */
        public Map<String, String> placeholders() {
            return placeholders;
        }

        public static Database of(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                return of(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell which database to migrate", e);
            }
        }

        public static Database of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName();
            return switch (product) {
                case "H2" -> H2;
                case "PostgreSQL" -> POSTGRESQL;
                default -> throw new IllegalStateException("no schema migrations for " + product);
            };
        }
    }
}
