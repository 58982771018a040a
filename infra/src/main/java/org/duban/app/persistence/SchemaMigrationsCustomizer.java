package org.duban.app.persistence;

import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/** The application's Flyway migrates the scripts as {@link SchemaMigrations} describes them. */
@Component
class SchemaMigrationsCustomizer implements FlywayConfigurationCustomizer {
    @Override
    public void customize(FluentConfiguration configuration) {
        SchemaMigrations.applyTo(configuration);
    }
}
