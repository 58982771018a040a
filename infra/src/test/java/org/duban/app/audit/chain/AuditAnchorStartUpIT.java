package org.duban.app.audit.chain;

import io.micrometer.core.instrument.MeterRegistry;
import org.duban.app.support.DubanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The start-up verification, with the background verification on: the anchor file holds a head that this database
 * does not have (as after the database was cut back or replaced while the application was down). The application
 * starts and serves; the chain is reported broken, naming the anchor.
 */
@DubanIntegrationTest
@TestPropertySource(properties = "duban.audit.verification.interval=PT1H")
class AuditAnchorStartUpIT {
    private static final Path ANCHORS = Path.of("target", "it-anchors", "start-up-" + UUID.randomUUID() + ".log")
            .toAbsolutePath();
    private static final String ANCHOR = "2026-11-30T08:00:00Z 5:" + "ab".repeat(32) + " SM3\n";

    @Autowired
    ChainMonitor monitor;
    @Autowired
    TestRestTemplate http;
    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void an_anchor_file_with_a_head_this_database_never_had(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(ANCHORS.getParent());
        Files.writeString(ANCHORS, ANCHOR);
        registry.add("duban.audit.anchor.file", ANCHORS::toString);
    }

    @Test
    void a_lost_anchored_head_is_reported_by_the_start_up_verification_and_the_application_serves() throws IOException {
        await().atMost(Duration.ofSeconds(60)).until(() -> monitor.last().isPresent());

        ChainVerification atStartUp = monitor.last().orElseThrow();
        assertThat(atStartUp.intact()).isFalse();
        assertThat(atStartUp.firstProblem().kind()).isEqualTo(ChainProblem.Kind.ANCHORED_HEAD_NOT_ON_CHAIN);
        assertThat(atStartUp.firstProblem().detail())
                .startsWith("the chain no longer holds the head anchored at 2026-11-30T08:00:00Z: position 5 (SM3 abab")
                .contains("lies beyond the head, which is at position ");
        assertThat(meters.get("duban.audit.chain.broken").gauge().value()).isEqualTo(1.0);
        assertThat(Files.readString(ANCHORS)).as("a broken chain is not anchored").isEqualTo(ANCHOR);

        ResponseEntity<Map> health = http.withBasicAuth("admin", "duban").getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(http.getForEntity(probe, Map.class).getBody()).as(probe).containsEntry("status", "UP");
        }
        ResponseEntity<Map> head = http.withBasicAuth("auditor", "duban").getForEntity("/api/audit/chain/head", Map.class);
        assertThat(head.getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
