package org.duban.app.plan;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.duban.api.MetadataKeys;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.web.CorrelationIdFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The first vertical slice: HTTP → CreatePlan → PlanCreated with actor metadata → projection → GET. */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class PlanSliceIT {
    private static final Map<String, Object> CHONGQING_PLAN = Map.of(
            "title", "重庆市中医药振兴发展重大工程实施方案（2023—2027年）",
            "documentNumber", "渝府办发〔2023〕102号",
            "issuer", "重庆市人民政府办公厅",
            "startYear", 2023,
            "endYear", 2027);

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, "duban");
    }

    private static HttpEntity<Map<String, Object>> json(Map<String, Object> body, String correlationId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (correlationId != null) {
            headers.set(CorrelationIdFilter.HEADER, correlationId);
        }
        return new HttpEntity<>(body, headers);
    }

    @Test
    void a_supervisor_creates_a_plan_and_reads_it_back() {
        ResponseEntity<Map> created = as("supervisor")
                .exchange("/api/plans", HttpMethod.POST, json(CHONGQING_PLAN, "slice-test-1"), Map.class);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String planId = (String) created.getBody().get("planId");
        assertThat(created.getHeaders().getLocation()).hasPath("/api/plans/" + planId);

        ResponseEntity<Map> read = as("health").getForEntity("/api/plans/" + planId, Map.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(read.getBody())
                .containsEntry("title", "重庆市中医药振兴发展重大工程实施方案（2023—2027年）")
                .containsEntry("documentNumber", "渝府办发〔2023〕102号")
                .containsEntry("issuer", "重庆市人民政府办公厅")
                .containsEntry("startYear", 2023)
                .containsEntry("endYear", 2027)
                .containsEntry("status", "DRAFT")
                .containsEntry("createdBy", "supervisor")
                .containsEntry("createdByUnit", "区政府督查室");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(planId).asStream().toList();
        assertThat(events).hasSize(1);
        DomainEventMessage<?> event = events.get(0);
        assertThat(event.getPayload()).isEqualTo(new PlanCreated(planId,
                "重庆市中医药振兴发展重大工程实施方案（2023—2027年）", "渝府办发〔2023〕102号", "重庆市人民政府办公厅",
                null, new PlanPeriod(2023, 2027), null, "区政府督查室"));
        assertThat(event.getMetaData())
                .containsEntry(MetadataKeys.ACTOR_USER, "supervisor")
                .containsEntry(MetadataKeys.ACTOR_UNIT, "区政府督查室")
                .containsEntry(MetadataKeys.ACTOR_ROLE, "SUPERVISOR")
                .containsEntry(MetadataKeys.CORRELATION_ID, "slice-test-1");
    }

    @Test
    void the_plan_list_shows_created_plans() {
        var byAdmin = new HashMap<>(CHONGQING_PLAN);
        ResponseEntity<Map> withoutOffice = as("admin").postForEntity("/api/plans", json(byAdmin, null), Map.class);
        assertThat(withoutOffice.getStatusCode()).as("an administrator names the supervising office")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(withoutOffice.getBody().get("detail")).isEqualTo("supervisingOffice must not be blank");
        byAdmin.put("supervisingOffice", "市政府督查办");
        String planId = (String) as("admin").postForEntity("/api/plans", json(byAdmin, null), Map.class)
                .getBody().get("planId");

        ResponseEntity<List> list = as("auditor").getForEntity("/api/plans", List.class);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).anySatisfy(row -> assertThat((Map<String, Object>) row).containsEntry("planId", planId)
                .containsEntry("supervisingUnit", "市政府督查办"));
    }

    @Test
    void calls_without_credentials_get_401() {
        assertThat(http.getForEntity("/api/plans", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.exchange("/api/plans", HttpMethod.POST, json(CHONGQING_PLAN, null), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("supervisor", "wrong").getForEntity("/api/plans", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_unit_user_may_not_create_a_plan() {
        ResponseEntity<String> response = as("health")
                .exchange("/api/plans", HttpMethod.POST, json(CHONGQING_PLAN, null), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").getForEntity("/api/plans", List.class).getBody())
                .noneSatisfy(row -> assertThat((Map<String, Object>) row).containsEntry("createdBy", "health"));
    }

    @Test
    void bad_input_is_refused_with_the_field_named() {
        Map<String, Object> untitled = new HashMap<>(CHONGQING_PLAN);
        untitled.put("title", "  ");
        ResponseEntity<Map> noTitle = as("supervisor").exchange("/api/plans", HttpMethod.POST, json(untitled, null), Map.class);
        assertThat(noTitle.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noTitle.getBody()).containsEntry("detail", "title must not be blank");

        Map<String, Object> backwards = new HashMap<>(CHONGQING_PLAN);
        backwards.put("endYear", 2020);
        ResponseEntity<Map> badPeriod = as("supervisor").exchange("/api/plans", HttpMethod.POST, json(backwards, null), Map.class);
        assertThat(badPeriod.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badPeriod.getBody()).containsEntry("detail", "period end year 2020 is before start year 2023");

        Map<String, Object> wordYear = new HashMap<>(CHONGQING_PLAN);
        wordYear.put("startYear", "二〇二三");
        ResponseEntity<Map> notANumber = as("supervisor").exchange("/api/plans", HttpMethod.POST, json(wordYear, null), Map.class);
        assertThat(notANumber.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) notANumber.getBody().get("detail")).startsWith("field startYear: ").contains("二〇二三");

        ResponseEntity<Map> unknown = as("supervisor").getForEntity("/api/plans/no-such-plan", Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody()).containsEntry("detail", "plan no-such-plan does not exist");
    }
}
