package org.duban.app.plan;

import org.duban.app.support.DubanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which office supervises a plan is decided when the plan is created and kept by the plan: a supervisor of another
 * office is refused every plan-level act (403, nothing stored), approving does not make an office the supervisor,
 * and only an administrator hands a plan to another office.
 */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class PlanAuthorityIT {
    private static final String DISTRICT = "区政府督查室";
    private static final String CITY = "市政府督查办";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_supervisor_of_another_office_is_refused_every_plan_level_act_and_changes_nothing() {
        String planId = createdBy("supervisor");
        assertThat(send("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-request", null)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long events = events(planId);

        for (String[] act : List.of(
                new String[]{"POST", "/publication-request"}, new String[]{"POST", "/publication-approval"},
                new String[]{"POST", "/closure"}, new String[]{"PUT", "/reporting-cadence"})) {
            Object body = act[1].equals("/reporting-cadence") ? Map.of("cadence", "QUARTERLY") : null;
            ResponseEntity<Map> answer = send("citysupervisor", HttpMethod.valueOf(act[0]), "/api/plans/" + planId
                    + act[1], body);
            assertThat(answer.getStatusCode()).as(act[0] + " " + act[1] + " by " + CITY).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat((String) answer.getBody().get("detail")).as(act[1]).contains(DISTRICT);
        }
        ResponseEntity<Map> handOver = send("supervisor", HttpMethod.PUT, "/api/plans/" + planId + "/supervising-office",
                Map.of("office", DISTRICT, "reason", "自行指定"));
        assertThat(handOver.getStatusCode()).as("only an administrator hands a plan over").isEqualTo(HttpStatus.FORBIDDEN);

        assertThat(events(planId)).as("no event stored by the refused acts").isEqualTo(events);
        Map plan = plan(planId);
        assertThat(plan).containsEntry("status", "DRAFT").containsEntry("supervisingUnit", DISTRICT);
    }

    @Test
    void an_administrator_hands_the_plan_to_another_office_whose_supervisors_then_act_alone() {
        String planId = createdBy("supervisor");
        send("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-request", null);

        ResponseEntity<Map> handOver = send("admin", HttpMethod.PUT, "/api/plans/" + planId + "/supervising-office",
                Map.of("office", CITY, "reason", "市级挂牌督办"));
        assertThat(handOver.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(handOver.getBody()).containsEntry("supervisingUnit", CITY);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%PlanSupervisionChanged'", Long.class, planId)).isEqualTo(1);

        assertThat(send("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-approval", null)
                .getStatusCode()).as("the former office").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> approved = send("citysupervisor", HttpMethod.POST, "/api/plans/" + planId
                + "/publication-approval", null);
        assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(approved.getBody()).containsEntry("status", "PUBLISHED").containsEntry("supervisingUnit", CITY);
        assertThat(send("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/closure", null).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void periods_stay_within_the_plans_years_and_a_closed_plan_takes_no_publication_request() {
        String planId = createdBy("supervisor");
        send("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-request", null);
        send("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-approval", null);
        assertThat(send("supervisor", HttpMethod.PUT, "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "QUARTERLY")).getStatusCode()).isEqualTo(HttpStatus.OK);
        long events = events(planId);

        ResponseEntity<Map> far = send("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/reporting-periods",
                Map.of("period", "9999-Q1"));
        assertThat(far.getStatusCode().is4xxClientError()).as("9999-Q1: " + far.getBody()).isTrue();
        ResponseEntity<Map> zero = send("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/reporting-periods",
                Map.of("period", "0000-Q1"));
        assertThat(zero.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) zero.getBody().get("detail")).contains("0000-Q1");
        ResponseEntity<Map> outside = send("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/reporting-periods",
                Map.of("period", "2030-Q1"));
        assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) outside.getBody().get("detail")).isEqualTo("period 2030-Q1 is outside the plan's years 2023—2027");
        assertThat(events(planId)).isEqualTo(events);

        String closed = createdBy("supervisor");
        assertThat(send("supervisor", HttpMethod.POST, "/api/plans/" + closed + "/closure", null).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> request = send("supervisor", HttpMethod.POST, "/api/plans/" + closed + "/publication-request",
                null);
        assertThat(request.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(request.getBody()).containsEntry("code", "plan.closed");
        assertThat(jdbc.queryForObject("select count(*) from act_ru_task where proc_inst_id_ in (select id_ from "
                + "act_ru_execution where business_key_ = ?)", Long.class, closed)).as("no approval step left waiting")
                .isZero();
    }

    private String createdBy(String user) {
        ResponseEntity<Map> created = send(user, HttpMethod.POST, "/api/plans", Map.of(
                "title", "重庆市中医药振兴发展重大工程实施方案（2023—2027年）", "issuer", "重庆市人民政府办公厅",
                "startYear", 2023, "endYear", 2027));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) created.getBody().get("planId");
    }

    private Map plan(String planId) {
        return http.withBasicAuth("auditor", "duban").getForObject("/api/plans/" + planId, Map.class);
    }

    private long events(String aggregateId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
                aggregateId);
    }

    private ResponseEntity<Map> send(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.withBasicAuth(user, "duban").exchange(path, method, new HttpEntity<>(body, headers), Map.class);
    }
}
