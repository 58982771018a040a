package org.duban.app.support;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfilesResolver;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * The one place that decides which database an integration test runs on. Failsafe runs every {@code *IT}
 * twice, with {@code -Dduban.test.database=h2} and {@code =postgres}; each Spring context gets a fresh database
 * of its own on that backend.
 */
public final class TestDatabases implements ApplicationContextInitializer<ConfigurableApplicationContext>,
        ActiveProfilesResolver {

    public static final String PROPERTY = "duban.test.database";
    private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

    public static boolean postgres() {
        String chosen = System.getProperty(PROPERTY, "h2");
        if (!chosen.equals("h2") && !chosen.equals("postgres")) {
            throw new IllegalStateException(PROPERTY + " must be h2 or postgres, not " + chosen);
        }
        return chosen.equals("postgres");
    }

    /** The {@code postgres} profile is what production uses; the tests run it as it is. */
    @Override
    public String[] resolve(Class<?> testClass) {
        return postgres() ? new String[]{"postgres"} : new String[0];
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties;
        if (postgres()) {
            PostgresServer server = PostgresServer.shared();
            server.lease();
            // Registered first, so destroyed last: after every bean that may still use a connection.
            ((DefaultListableBeanFactory) context.getBeanFactory())
                    .registerDisposableBean("duban-test-database-lease", server::release);
            properties = Map.of(
                    "spring.datasource.url", server.createDatabase(),
                    "spring.datasource.username", server.username(),
                    "spring.datasource.password", server.password());
        } else {
            Path dir = Path.of("target", "it-h2", UUID.randomUUID().toString()).toAbsolutePath();
            properties = Map.of("duban.data-dir", dir.toString());
            System.out.println("[duban-test] database backend: H2 file database in " + dir);
        }
        var sources = context.getEnvironment().getPropertySources();
        sources.addFirst(new MapPropertySource("duban-test-database", properties));
        // Tests start empty unless they ask for the demo data, no period opens by the wall clock behind a test's
        // back, and the background chain verification stays off, so that tests tampering with the log do not race
        // it (@TestPropertySource wins over these defaults). Each context anchors the chain in a file of its own.
        MapPropertySource defaults = new MapPropertySource("duban-test-defaults", Map.of("duban.demo.enabled", "false",
                "duban.reporting.period-opening.enabled", "false", "duban.audit.verification.interval", "0",
                "duban.audit.anchor.file",
                Path.of("target", "it-anchors", UUID.randomUUID() + ".log").toAbsolutePath().toString()));
        if (sources.contains(INLINED_TEST_PROPERTIES)) {
            sources.addAfter(INLINED_TEST_PROPERTIES, defaults);
        } else {
            sources.addAfter("duban-test-database", defaults);
        }
    }
}
