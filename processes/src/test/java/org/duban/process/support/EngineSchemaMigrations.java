package org.duban.process.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;

import java.util.Map;

/**
 * The project's engine schema migrations (infra's {@code db/engine}) on the process tests' in-memory engine, once it
 * has made its tables, as infra's {@code EngineSchemaMigrations} runs them on the application's, with H2's value of
 * the one placeholder they use.
 */
public class EngineSchemaMigrations extends AbstractProcessEnginePlugin {
    public static final String LOCATION = "filesystem:../infra/src/main/resources/db/engine";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration();
        // a connection of its own: the engine's pool reports Flyway closing one of its connections as an error
        Flyway.configure()
                .dataSource(configuration.getJdbcUrl(), configuration.getJdbcUsername(), configuration.getJdbcPassword())
                .locations(LOCATION)
                .placeholders(Map.of("postgresql_only", "-- "))
                .table("flyway_engine_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
