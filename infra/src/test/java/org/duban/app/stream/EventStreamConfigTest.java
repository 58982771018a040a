package org.duban.app.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** The publisher exists only where the brokers are named, and never on a query node. */
class EventStreamConfigTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(EventStreamConfig.class)
            .withBean(JdbcTemplate.class, () -> mock(JdbcTemplate.class))
            .withBean(CloudEventFormat.class, () -> mock(CloudEventFormat.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new);

    @Test
    void without_the_brokers_nothing_is_published_and_no_processor_is_registered() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started).doesNotHaveBean(EventStreamPublisher.class);
            assertThat(started).doesNotHaveBean(ConfigurerModule.class);
            assertThat(started).doesNotHaveBean(EventStreamStatus.class);
        });
    }

    @Test
    void with_the_brokers_a_command_node_publishes() {
        context.withPropertyValues("duban.stream.kafka.bootstrap-servers=127.0.0.1:9", "duban.stream.topic=t")
                .run(started -> {
                    assertThat(started).hasSingleBean(EventStreamPublisher.class);
                    assertThat(started).hasSingleBean(ConfigurerModule.class);
                    assertThat(started).hasBean("eventStreamHealthIndicator");
                    assertThat(started.getBean(EventStreamSettings.class).topic()).isEqualTo("t");
                    assertThat(started.getBean(EventStreamSettings.class).publishTimeoutMs()).isEqualTo(15000);
                    assertThat(started.getBean(MeterRegistry.class).find("duban.stream.published").counter()).isNotNull();
                });
    }

    @Test
    void a_query_node_never_publishes_even_with_the_brokers_named() {
        context.withPropertyValues("duban.stream.kafka.bootstrap-servers=127.0.0.1:9", "spring.profiles.active=query")
                .run(started -> assertThat(started).doesNotHaveBean(EventStreamPublisher.class));
    }
}
