package org.duban.app.plan.importing;

import org.duban.app.support.EventMark;
import org.duban.app.support.DubanIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * Every malformed file is refused with an error that says what is wrong and where, and leaves no trace: no plan,
 * no unit, no event. The application stays healthy throughout.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class MalformedImportIT {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    private EventMark eventsBefore;
    private int plansBefore;
    private int unitsBefore;

    /** The context may be shared with other test classes, so "nothing" means "nothing more than before". */
    @BeforeAll
    void countWhatExists() {
        eventsBefore = EventMark.now(jdbc);
        plansBefore = list("/api/plans").size();
        unitsBefore = list("/api/units").size();
    }

    static List<MalformedFiles.Case> files() {
        return MalformedFiles.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void is_refused_with_a_clear_error_and_imports_nothing(MalformedFiles.Case file) {
        ResponseEntity<Map> response = upload(http, "supervisor", file.name(), file.content(), dazuPlan());

        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        List<Map> errors = (List<Map>) response.getBody().get("errors");
        assertThat(errors).isNotEmpty().allSatisfy(error -> assertThat(error.get("file")).isEqualTo(file.name()));
        assertThat(errors).extracting(error -> describe(error)).anySatisfy(text -> assertThat(text).contains(file.expected()));
        assertThat(response.getBody()).containsEntry("imported", false).containsEntry("planId", null);
        assertThat(eventsBefore.eventsByPeople()).isZero();
    }

    @Test
    void bad_plan_metadata_is_reported_with_the_field_and_changes_nothing() {
        Map<String, String> fields = new LinkedHashMap<>(dazuPlan());
        fields.put("startYear", "2028");
        ResponseEntity<Map> reversed = upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"), fields);
        assertThat(reversed.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(reversed.getBody().toString()).contains("period");

        fields = new LinkedHashMap<>(dazuPlan());
        fields.put("parentPlanId", "no-such-plan");
        ResponseEntity<Map> orphan = upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"), fields);
        assertThat(orphan.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(orphan.getBody().toString()).contains("parent plan no-such-plan does not exist");

        fields = new LinkedHashMap<>(dazuPlan());
        fields.put("mapping", "TASK=D, WHO=E");
        ResponseEntity<Map> mapping = upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"), fields);
        assertThat(mapping.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) mapping.getBody().get("detail")).contains("unknown role \"WHO\"");

        fields = new LinkedHashMap<>(dazuPlan());
        fields.put("startYear", "二〇二四");
        ResponseEntity<Map> mistyped = upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"), fields);
        assertThat(mistyped.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) mistyped.getBody().get("detail")).contains("startYear").contains("二〇二四");
        assertThat(eventsBefore.eventsByPeople()).isZero();
    }

    @AfterAll
    void the_application_is_still_healthy_and_unchanged() {
        assertThat(http.getForObject("/actuator/health", Map.class)).containsEntry("status", "UP");
        assertThat(list("/api/plans")).hasSize(plansBefore);
        assertThat(list("/api/units")).hasSize(unitsBefore);
        assertThat(eventsBefore.eventsByPeople()).isZero();
    }

    private List<?> list(String path) {
        return http.withBasicAuth("auditor", "duban").getForObject(path, List.class);
    }

    private static String describe(Map error) {
        return new ImportProblem((String) error.get("file"), (String) error.get("table"), (Integer) error.get("row"),
                (String) error.get("column"), (String) error.get("value"), (String) error.get("message"),
                (String) error.get("messageEn")).describe(Locale.ENGLISH);
    }
}
