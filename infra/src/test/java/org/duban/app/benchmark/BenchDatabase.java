package org.duban.app.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server every scenario and its baseline use: the embedded binaries the tests use, started with the
 * durability of a production server (fsync and synchronous commit on, which the test server turns off), or a server
 * named by {@code bench.db-url} (an administrator's JDBC URL; {@code bench.db-user}, {@code bench.db-password}).
 */
final class BenchDatabase implements Closeable {
    private final EmbeddedPostgres embedded;
    private final String adminUrl;
    private final String prefix;
    final String user;
    final String password;
    final String description;

    private BenchDatabase(EmbeddedPostgres embedded, String adminUrl, String user, String password) {
        this.embedded = embedded;
        this.adminUrl = adminUrl;
        this.prefix = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1);
        this.user = user;
        this.password = password;
        this.description = describe();
    }

    static BenchDatabase start(Settings settings) throws IOException {
        if (settings.dbUrl() != null) {
            return new BenchDatabase(null, settings.dbUrl(), settings.dbUser(), settings.dbPassword());
        }
        // initdb runs as 'nobody' when run as root, so its working directory must be open to it
        Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "duban-benchmark-pg");
        Files.createDirectories(workDir);
        Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (settings.profile()) {
            // per-statement times for the profile (statements(…)); the embedded binaries ship the module
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        EmbeddedPostgres postgres = builder
                .setOverrideWorkingDirectory(workDir.toFile())
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", settings.sharedBuffers())
                .setServerConfig("max_wal_size", "4GB")
                .start();
        return new BenchDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }

    /** Creates an empty database; answers its JDBC URL. */
    String create(String name) throws SQLException {
        try (Connection connection = admin(); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name);
            statement.execute("create database " + name);
        }
        return prefix + name;
    }

    /** Starts counting statements in the database at {@code url} afresh (a profiled run only). */
    void resetStatements(String url) throws SQLException {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
        }
    }

    /**
     * The statements of the database at {@code url} that took the server most time since {@link #resetStatements},
     * as a Markdown table: calls, total and mean time, rows, and the share of all statements' time.
     */
    String statements(String url, int top) throws SQLException {
        StringBuilder table = new StringBuilder("| total ms | share | calls | mean ms | rows | statement |\n|---|---|---|---|---|---|\n");
        try (Connection connection = connect(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select total_exec_time, total_exec_time / nullif(sum(total_exec_time) "
                     + "over (), 0), calls, mean_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g') "
                     + "from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) "
                     + "order by total_exec_time desc limit " + top)) {
            while (rows.next()) {
                String query = rows.getString(6);
                table.append(String.format("| %.0f | %.1f %% | %d | %.2f | %d | `%s` |%n", rows.getDouble(1),
                        rows.getDouble(2) * 100, rows.getLong(3), rows.getDouble(4), rows.getLong(5),
                        (query.length() > 300 ? query.substring(0, 300) + "…" : query).replace("|", "\\|")));
            }
        }
        return table.toString();
    }

    Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }

    private String describe() {
        try (Connection connection = admin(); Statement statement = connection.createStatement();
             ResultSet settings = statement.executeQuery("select version(), current_setting('fsync'), "
                     + "current_setting('synchronous_commit'), current_setting('shared_buffers')")) {
            settings.next();
            return settings.getString(1).replaceAll(",.*", "") + (embedded != null ? " (embedded binaries)" : " (given URL)")
                    + ", fsync " + settings.getString(2) + ", synchronous_commit " + settings.getString(3)
                    + ", shared_buffers " + settings.getString(4);
        } catch (SQLException e) {
            throw new IllegalStateException("the benchmark's PostgreSQL does not answer at " + adminUrl, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
