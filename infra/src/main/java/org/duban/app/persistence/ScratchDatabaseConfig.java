package org.duban.app.persistence;

import org.duban.app.nodes.AfterReadiness;
import org.duban.query.ScratchDatabases;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * The scratch databases time travel replays into: in-memory H2 databases apart from the live one, whatever that is,
 * built by the application's own migrations with H2's placeholders. They are not beans of type {@link DataSource}, which would take the
 * place of the application's own.
 */
@Configuration(proxyBeanMethods = false)
class ScratchDatabaseConfig {
    /** As many as time-travel reads may run at once; more wait for one to be free. */
    static final int MAX_SCRATCH_DATABASES = 4;

    @Bean
    ScratchDatabases scratchDatabases() {
        return new ScratchDatabases(ScratchDatabaseConfig::newScratchDatabase, MAX_SCRATCH_DATABASES);
    }

    /** The first time-travel read finds a database made: made after readiness, which need not wait for its migrations. */
    @EventListener(ApplicationReadyEvent.class)
    void prepareAfterReadiness(ApplicationReadyEvent event) {
        ScratchDatabases scratch = event.getApplicationContext().getBean(ScratchDatabases.class);
        event.getApplicationContext().getBean(AfterReadiness.class).run("a scratch database for time travel",
                scratch::prepare);
    }

    static DataSource newScratchDatabase() {
        // one connection, kept open for as long as the database is used: an in-memory H2 database ends with its last connection
        SingleConnectionDataSource database = new SingleConnectionDataSource(
                "jdbc:h2:mem:duban-scratch-" + UUID.randomUUID(), "sa", "", true);
        SchemaMigrations.configure(database).load().migrate();
        return database;
    }
}
