package org.duban.app.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, started once per JVM: a Testcontainers container where a Docker
 * engine answers, otherwise the same PostgreSQL from the zonky embedded binaries. Never skipped.
 */
public final class PostgresServer {
    private static PostgresServer shared;

    private final String adminUrl;
    private final String urlPrefix;
    private final String username;
    private final String password;
    private final AtomicInteger databases = new AtomicInteger();
    /** Spring contexts still using the server; they close in a shutdown hook of their own. */
    private static final AtomicInteger leases = new AtomicInteger();

    private PostgresServer(String adminUrl, String urlPrefix, String username, String password, String description) {
        this.adminUrl = adminUrl;
        this.urlPrefix = urlPrefix;
        this.username = username;
        this.password = password;
        System.out.println("[duban-test] database backend: " + description + " at " + adminUrl);
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = dockerAvailable() ? container() : embedded();
        }
        return shared;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static PostgresServer container() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:17-alpine");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
        String url = container.getJdbcUrl();
        return new PostgresServer(url, url.substring(0, url.lastIndexOf('/') + 1), container.getUsername(),
                container.getPassword(), "PostgreSQL in a Testcontainers container (Docker engine found)");
    }

    private static PostgresServer embedded() {
        try {
            // initdb runs as 'nobody' when the tests run as root, so its working directory must be open to it.
            Path workDir = Path.of(System.getProperty("java.io.tmpdir"), "duban-embedded-pg");
            Files.createDirectories(workDir);
            Files.setPosixFilePermissions(workDir, PosixFilePermissions.fromString("rwxrwxrwx"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.toFile())
                    .setRegisterShutdownHook(false) // ours below stops it after the contexts closed
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitNoLeases();
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data directory is temporary
                }
            }));
            String version;
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 var result = connection.createStatement().executeQuery("show server_version")) {
                result.next();
                version = result.getString(1);
            }
            String prefix = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
            return new PostgresServer(prefix + "postgres", prefix, "postgres", "postgres",
                    "embedded PostgreSQL " + version + " (zonky binaries; no Docker engine)");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL started but does not answer", e);
        }
    }

    /** Marks a Spring context as using the server until {@link #release()}. */
    public void lease() {
        leases.incrementAndGet();
    }

    public void release() {
        synchronized (leases) {
            leases.decrementAndGet();
            leases.notifyAll();
        }
    }

    /** The server stops only after the contexts that use it closed, or they would wait for connections. */
    private static void awaitNoLeases() {
        long deadline = System.currentTimeMillis() + 60_000;
        synchronized (leases) {
            while (leases.get() > 0 && System.currentTimeMillis() < deadline) {
                try {
                    leases.wait(1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String createDatabase() {
        String name = "duban_it_" + databases.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(adminUrl, username, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return urlPrefix + name;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }
}
