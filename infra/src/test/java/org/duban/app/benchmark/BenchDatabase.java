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
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
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
