package org.duban.app.rebuild;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** Puts the {@link RebuildGate} on every event processor and on the event bus. */
@Configuration(proxyBeanMethods = false)
class RebuildConfig {

    /** The application's JdbcTemplate (Spring Boot's backs off): one that a rebuild's replay can hold inserts in. */
    @Bean
    RebuildJdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new RebuildJdbcTemplate(dataSource);
    }

    @Bean
    ConfigurerModule rebuildGateModule(RebuildGate gate) {
        return configurer -> {
            configurer.eventProcessing()
                    .registerDefaultHandlerInterceptor((config, processor) -> gate.skipWhileSuspended(processor));
            configurer.onInitialize(config -> config.onStart(Phase.OUTBOUND_EVENT_CONNECTORS,
                    () -> config.eventBus().registerDispatchInterceptor(gate.holdWhileAppending())));
        };
    }
}
