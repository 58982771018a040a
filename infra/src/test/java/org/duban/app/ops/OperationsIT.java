package org.duban.app.ops;

import org.camunda.bpm.engine.RuntimeService;
import org.duban.api.MetadataKeys;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.web.CorrelationIdFilter;
import org.duban.process.plan.PlanPublication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator relies on: health, metrics, Cockpit, sign-in pages and correlation ids. */
@DubanIntegrationTest
@AutoConfigureObservability(tracing = false)
class OperationsIT {
    @Autowired
    TestRestTemplate http;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void health_is_up_without_credentials() {
        ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP");
        assertThat(http.getForEntity("/actuator/info", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void metrics_and_prometheus_need_an_administrator() {
        assertThat(http.getForEntity("/actuator/prometheus", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("health", "duban").getForEntity("/actuator/prometheus", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> scrape = http.withBasicAuth("admin", "duban").getForEntity("/actuator/prometheus", String.class);
        assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(scrape.getBody()).contains("jvm_memory_used_bytes");
        assertThat(http.withBasicAuth("admin", "duban").getForEntity("/actuator/metrics", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void camunda_cockpit_is_served_and_its_rest_api_needs_an_administrator() {
        ResponseEntity<String> cockpit = http.getForEntity("/camunda/app/cockpit/default/", String.class);
        assertThat(cockpit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cockpit.getBody()).containsIgnoringCase("cockpit");

        assertThat(http.getForEntity("/engine-rest/engine", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("supervisor", "duban").getForEntity("/engine-rest/engine", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("admin", "duban").getForEntity("/engine-rest/engine", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void pages_ask_for_a_sign_in_and_greet_in_chinese_first() {
        ResponseEntity<String> home = http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW).getForEntity("/", String.class);
        assertThat(home.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(home.getHeaders().getLocation()).hasPath("/login");

        ResponseEntity<String> login = http.getForEntity("/login", String.class);
        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(login.getBody()).contains("<h1 class=\"h3 mb-3\">登录</h1>").doesNotContain("Sign in");
    }

    @Test
    void the_request_correlation_id_reaches_the_process_instance() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(CorrelationIdFilter.HEADER, "ops-correlation-7");
        ResponseEntity<Map> created = http.withBasicAuth("supervisor", "duban").exchange("/api/plans", HttpMethod.POST,
                new HttpEntity<>(Map.of("title", "t", "issuer", "i", "startYear", 2024, "endYear", 2027), headers),
                Map.class);
        assertThat(created.getHeaders().getFirst(CorrelationIdFilter.HEADER)).isEqualTo("ops-correlation-7");
        String planId = (String) created.getBody().get("planId");

        ResponseEntity<Map> requested = http.withBasicAuth("supervisor", "duban").exchange(
                "/api/plans/" + planId + "/publication-request", HttpMethod.POST, new HttpEntity<>(headers), Map.class);

        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String processInstanceId = (String) requested.getBody().get("processInstanceId");
        assertThat(runtimeService.getVariable(processInstanceId, MetadataKeys.CORRELATION_ID))
                .isEqualTo("ops-correlation-7");
        assertThat(runtimeService.getVariable(processInstanceId, PlanPublication.PLAN_ID)).isEqualTo(planId);

        ResponseEntity<String> missing = http.getForEntity("/api/plans", String.class);
        assertThat(missing.getHeaders().getFirst(CorrelationIdFilter.HEADER)).isNotBlank();
    }
}
