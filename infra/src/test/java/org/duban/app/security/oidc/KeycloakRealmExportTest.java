package org.duban.app.security.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The realm shipped for trials is well-formed and gives Duban the claims {@link ClaimMapping} reads by default. */
class KeycloakRealmExportTest {

    private static JsonNode realm() throws Exception {
        Path file = Path.of("deploy/keycloak/duban-realm.json");
        if (!Files.exists(file)) {
            file = Path.of("infra").resolve(file);
        }
        return new ObjectMapper().readTree(file.toFile());
    }

    @Test
    void aConfidentialClientForTheLocalAndComposeNodes() throws Exception {
        JsonNode realm = realm();
        assertThat(realm.path("realm").asText()).isEqualTo("duban");
        JsonNode client = realm.path("clients").get(0);
        assertThat(client.path("clientId").asText()).isEqualTo("duban");
        assertThat(client.path("publicClient").asBoolean(true)).isFalse();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isTrue();
        List<String> redirects = new ArrayList<>();
        client.path("redirectUris").forEach(uri -> redirects.add(uri.asText()));
        assertThat(redirects).contains("http://localhost:8080/*", "http://app1:8080/*", "http://app2:8080/*");
    }

    @Test
    void roleAndUnitGoIntoIdAndAccessTokens() throws Exception {
        List<String> claims = new ArrayList<>();
        realm().path("clients").get(0).path("protocolMappers").forEach(mapper -> {
            JsonNode config = mapper.path("config");
            if (config.path("id.token.claim").asText().equals("true")
                    && config.path("access.token.claim").asText().equals("true")) {
                claims.add(config.path("claim.name").asText());
            }
        });
        assertThat(claims).contains(ClaimMapping.DEFAULTS.role(), ClaimMapping.DEFAULTS.unit());
    }

    @Test
    void usersMirrorTheDemoAccountsAndMapToDubanUsers() throws Exception {
        List<String> names = new ArrayList<>();
        realm().path("users").forEach(user -> {
            names.add(user.path("username").asText());
            var claims = new java.util.HashMap<String, Object>();
            claims.put("preferred_username", user.path("username").asText());
            user.path("attributes").fields().forEachRemaining(a -> claims.put(a.getKey(), a.getValue().get(0).asText()));
            assertThat(ClaimMapping.DEFAULTS.user(claims).getUsername()).isEqualTo(user.path("username").asText());
        });
        assertThat(names).containsExactlyInAnyOrder("admin", "supervisor", "citysupervisor", "health", "market",
                "auditor");
    }
}
