package org.duban.app.supervision.status;

import org.duban.api.supervision.StatusRules;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The documented defaults are the same in the contract, in the binding and in application.yml. */
class StatusRulesPropertiesTest {

    @Test
    void application_yml_states_the_contracts_defaults() throws IOException {
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yml"));
        StatusRulesProperties bound = new Binder(ConfigurationPropertySources.from(yaml.get(0)))
                .bind("duban.supervision.status", StatusRulesProperties.class).get();
        assertThat(bound.rules()).isEqualTo(StatusRules.defaults());
    }

    @Test
    void unset_thresholds_take_the_contracts_defaults() {
        StatusRulesProperties bound = new Binder(new MapConfigurationPropertySource(
                Map.of("duban.supervision.status.daily.enabled", "true")))
                .bindOrCreate("duban.supervision.status", StatusRulesProperties.class);
        assertThat(bound.rules()).isEqualTo(StatusRules.defaults());
    }

    @Test
    void a_threshold_out_of_range_is_refused_by_name() {
        assertThatThrownBy(() -> new StatusRulesProperties(15, 30, 25, 10, 25, 20, 15))
                .hasMessageContaining("bindingRedGap 15 is below bindingAmberGap 20");
        assertThatThrownBy(() -> new StatusRulesProperties(15, 130, 25, 10, 25, 5, 15))
                .hasMessageContaining("taskRedLag");
    }
}
