package org.duban.app.nodes;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The compose file cannot be run here (no Docker); this checks its structure instead. */
class DeploymentComposeFileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("deploy/docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void theTopologyHasTheDatabaseTheBrokerTheIdentityProviderTwoCommandNodesAndAQueryNode() throws IOException {
        assertThat(services()).containsOnlyKeys("postgres", "kafka", "keycloak", "node1", "node2", "query");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyApplicationNodeWaitsForTheDatabaseAndHasItsOwnIdAndPort() throws IOException {
        var services = services();
        for (String node : List.of("node1", "node2", "query")) {
            Map<String, Object> service = services.get(node);
            Map<String, Object> dependsOn = (Map<String, Object>) service.get("depends_on");
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertThat(dependsOn).containsKeys("postgres", "kafka");
            assertThat(env).containsEntry("DUBAN_NODE_ID", node.equals("query") ? "query1" : node)
                    .containsKeys("DUBAN_DB_URL", "DUBAN_STREAM_KAFKA_BOOTSTRAP_SERVERS");
            assertThat(service).containsKeys("ports", "healthcheck");
        }
        assertThat(((Map<String, Object>) services.get("query").get("environment")).get("SPRING_PROFILES_ACTIVE"))
                .asString().contains("query");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCommandNodesShareOneDatabaseTheQueryNodeHasItsOwnAndTheSecondNodeStartsAfterTheFirst() throws IOException {
        var services = services();
        Map<String, Object> node1 = (Map<String, Object>) services.get("node1").get("environment");
        Map<String, Object> node2 = (Map<String, Object>) services.get("node2").get("environment");
        Map<String, Object> query = (Map<String, Object>) services.get("query").get("environment");
        assertThat(node2.get("DUBAN_DB_URL")).isEqualTo(node1.get("DUBAN_DB_URL"));
        assertThat(query.get("DUBAN_DB_URL")).isNotEqualTo(node1.get("DUBAN_DB_URL")).asString().endsWith("/duban_query");
        assertThat(Files.readString(Path.of("deploy/postgres-init/10-query-node-database.sql")))
                .contains("CREATE DATABASE duban_query");
        assertThat(node1).containsEntry("DUBAN_DEMO_ENABLED", "true");
        assertThat(node2).containsEntry("DUBAN_DEMO_ENABLED", "false");
        assertThat((Map<String, Object>) services.get("node2").get("depends_on")).containsKey("node1");
        assertThat(Files.readString(Path.of("deploy/Dockerfile"))).contains("AXONIQ_UPDATE_CHECKER_DISABLED=true");
    }
}
