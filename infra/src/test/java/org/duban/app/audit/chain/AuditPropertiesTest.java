package org.duban.app.audit.chain;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditPropertiesTest {

    @Test
    void sm3_hourly_is_the_default() {
        AuditProperties properties = bind(Map.of());
        assertThat(properties.hashAlgorithm()).isEqualTo(HashAlgorithm.SM3);
        assertThat(properties.verification().interval()).isEqualTo(Duration.ofHours(1));
        assertThat(properties.verification().pageSize()).isEqualTo(500);
        assertThat(properties.verification().initialDelay()).as("the first verification is the start-up one").isZero();
        assertThat(properties.anchor().file()).as("application.yml puts it under the data directory").isNull();
    }

    @Test
    void the_anchor_file_is_a_path() {
        assertThat(bind(Map.of("duban.audit.anchor.file", "/srv/anchors/duban.log")).anchor().file())
                .isEqualTo(Path.of("/srv/anchors/duban.log"));
    }

    @Test
    void sha_256_is_chosen_by_its_usual_name() {
        assertThat(bind(Map.of("duban.audit.hash-algorithm", "SHA-256")).hashAlgorithm()).isEqualTo(HashAlgorithm.SHA_256);
        assertThat(bind(Map.of("duban.audit.verification.interval", "0")).verification().interval()).isZero();
    }

    private static AuditProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("duban.audit", AuditProperties.class);
    }
}
