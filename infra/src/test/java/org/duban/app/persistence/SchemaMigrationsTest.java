package org.duban.app.persistence;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigrationsTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");

    @Test
    void every_placeholder_the_scripts_use_has_a_value_on_every_database() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Resource script : new PathMatchingResourcePatternResolver()
                .getResources(SchemaMigrations.LOCATION + "/*.sql")) {
            Matcher matcher = PLACEHOLDER.matcher(script.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }

        assertThat(used).contains("blob", "hash", "zero_hash", "long_text", "postgresql_only");
        for (SchemaMigrations.Database database : SchemaMigrations.Database.values()) {
            assertThat(database.placeholders().keySet()).as(database.name()).isEqualTo(used);
        }
    }

    @Test
    void projection_tests_in_query_side_build_the_schema_with_the_placeholders_of_h2() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Path.of("../query-side/src/test/resources/application.properties"), StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        }
        String prefix = "spring.flyway.placeholders.";
        Map<String, String> placeholders = properties.stringPropertyNames().stream()
                .filter(name -> name.startsWith(prefix))
                .collect(Collectors.toMap(name -> name.substring(prefix.length()), properties::getProperty));

        assertThat(placeholders).isEqualTo(SchemaMigrations.Database.H2.placeholders());
        assertThat(properties.getProperty("spring.flyway.locations"))
                .isEqualTo("filesystem:../infra/src/main/resources/" + SchemaMigrations.LOCATION.substring("classpath:".length()));
    }
}
