package org.duban.app.persistence;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * The project's own changes to the process engine's tables (indexes the engine lacks), in {@link #LOCATION} with a
 * history table of their own and the application's placeholders ({@link SchemaMigrations.Database}). They cannot be application migrations: the engine creates and upgrades its tables as
 * it is built, after the application's Flyway ran, so these run once the engine bean exists.
 */
@Component
@DependsOn(EngineSchemaMigrations.ENGINE)
class EngineSchemaMigrations implements InitializingBean {
    static final String LOCATION = "classpath:db/engine";
    static final String HISTORY_TABLE = "flyway_engine_history";
    /** The process engine as Camunda's Spring Boot starter names it (a factory bean), by name: infra names no engine type. */
    static final String ENGINE = "processEngineFactoryBean";

    private final DataSource dataSource;

    EngineSchemaMigrations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .placeholders(SchemaMigrations.Database.of(dataSource).placeholders())
                .table(HISTORY_TABLE)
                // the schema already holds the application's and the engine's tables: start below V1 so that V1 runs
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
