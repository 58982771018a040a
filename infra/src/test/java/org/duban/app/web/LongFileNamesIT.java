package org.duban.app.web;

import org.duban.api.Limits;
import org.duban.app.reporting.evidence.EvidenceSamples;
import org.duban.app.support.Clients.Answer;
import org.duban.app.support.Clients;
import org.duban.app.support.DubanIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;

/**
 * Issue 9 (3): a file name of 300 Chinese characters got a 413 with an empty body from the container, whose limit on
 * a part's headers (512 bytes by default) the name's UTF-8 bytes exceeded. Such names now reach the application and
 * are refused by name with the contract's limit; names beyond even the container's bound still get a problem body.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongFileNamesIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Clients clients;

    @BeforeAll
    void clients() {
        clients = new Clients(port);
    }

    @ParameterizedTest(name = "{0} Chinese characters")
    @ValueSource(ints = {256, 300, 1000})
    void an_evidence_file_name_over_the_limit_is_refused_by_name(int length) {
        long stored = count("evidence");
        Answer answer = clients.upload("health", "/api/evidence", "进".repeat(length - 4) + ".pdf",
                EvidenceSamples.pdf(), Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat((String) answer.json().get("detail")).contains(String.valueOf(Limits.FILE_NAME));
        assertThat(count("evidence")).isEqualTo(stored);
    }

    /**
     * The import's own check of the name (the contract's limit on {@code ImportedFile}) is not this test's: it checks
     * that the name reaches the application, which either imports a dry run or refuses the name with a problem.
     */
    @ParameterizedTest(name = "{0} Chinese characters")
    @ValueSource(ints = {256, 300, 1000})
    void a_long_plan_table_file_name_reaches_the_import(int length) {
        // only what an import would store: timers of other tests' reports may fire meanwhile in the shared database
        String imported = "select count(*) from domain_event_entry where payload_type like '%.PlanCreated' "
                + "or payload_type like '%.TaskCreated' or payload_type like '%.SectionAdded'";
        long events = jdbc.queryForObject(imported, Long.class);
        Map<String, String> fields = new LinkedHashMap<>(dazuPlan());
        fields.put("dryRun", "true");
        Answer answer = clients.upload("supervisor", "/api/plans/imports", "表".repeat(length - 4) + ".csv",
                sample("dazu-tcm-task-decomposition-2024.csv"), fields);

        assertThat(answer.status()).as(answer.toString()).isIn(200, 400);
        if (answer.status() == 400) {
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat((String) answer.json().get("detail")).contains(String.valueOf(Limits.FILE_NAME));
        }
        assertThat(jdbc.queryForObject(imported, Long.class)).isEqualTo(events);
    }

    @ParameterizedTest(name = "{0} Chinese characters")
    @ValueSource(ints = {255})
    void a_file_name_at_the_limit_is_taken(int length) {
        Answer answer = clients.upload("health", "/api/evidence", "进".repeat(length - 4) + ".pdf",
                EvidenceSamples.pdf(), Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat((String) answer.json().get("fileName")).hasSize(length);
    }

    /** Past what the container reads of a part's headers: still a problem body naming the limit, never empty. */
    @ParameterizedTest(name = "{0} Chinese characters")
    @ValueSource(ints = {5000})
    void a_file_name_past_the_containers_bound_gets_a_problem_body(int length) {
        long stored = count("evidence");
        Answer answer = clients.upload("health", "/api/evidence", "进".repeat(length - 4) + ".pdf",
                EvidenceSamples.pdf(), Map.of());

        assertThat(answer.status()).as(answer.toString()).isBetween(400, 499);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat((String) answer.json().get("detail")).contains(String.valueOf(Limits.FILE_NAME));
        assertThat(count("evidence")).isEqualTo(stored);
    }

    @org.junit.jupiter.api.Test
    void a_file_name_with_a_nul_character_is_refused_by_name() {
        long stored = count("evidence");
        Answer answer = clients.upload("health", "/api/evidence", "进展\u0000.pdf", EvidenceSamples.pdf(),
                Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat((String) answer.json().get("detail")).contains("NUL");
        assertThat(count("evidence")).isEqualTo(stored);
    }

    private long count(String table) {
        return Objects.requireNonNull(jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
}
