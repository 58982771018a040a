package org.duban.app.evaluation;

import org.axonframework.eventhandling.GenericEventMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.EngineClock;
import org.duban.app.support.PlanTrees;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.publishedDazuPlan;

/**
 * The evaluation API's answers on a small round (one task of 区市场监管局, the supervisor as its only evaluator): bad
 * input is a 400 naming the field, a user who may not act a 403, a step the round refuses a 409 with its code, an
 * unknown round a 404, and never a 5xx; the happy path runs from opening to closing.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class EvaluationApiIT {
    private static final Clock EVENT_CLOCK = Clock.tickMillis(ZoneOffset.UTC);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    private String planId;
    private String taskId;
    private String roundId;

    @BeforeAll
    void givenThePublishedDazuPlan() {
        at(LocalDate.of(2026, 6, 10));
        planId = publishedDazuPlan(http);
        Map tree = http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree", Map.class);
        taskId = (String) PlanTrees.ledBy(tree, "区市场监管局").get(0).get("taskId");
        at(LocalDate.of(2026, 7, 1));
    }

    @AfterAll
    void resetClocks() {
        GenericEventMessage.clock = EVENT_CLOCK;
        EngineClock.resetAndSettle(management);
    }

    @Test
    @Order(1)
    void an_opening_with_bad_input_is_refused_naming_the_field() {
        assertBadRequest(post("supervisor", "/api/evaluation/rounds", without(opening(), "planId")), "planId");
        assertBadRequest(post("supervisor", "/api/evaluation/rounds", with(opening(), "planId", "no-such-plan")), "planId");
        assertBadRequest(post("supervisor", "/api/evaluation/rounds", with(opening(), "kind", "BIANNUAL")), "kind");
        assertBadRequest(post("supervisor", "/api/evaluation/rounds", without(opening(), "cutOff")), "cutOff");
        assertBadRequest(post("supervisor", "/api/evaluation/rounds", with(opening(), "cutOff", "2026-13-40")), "cutOff");
        assertBadRequest(post("supervisor", "/api/evaluation/rounds", with(opening(), "deadlines", Map.of(
                "selfAssessmentDue", "2026-07-10", "scoringDue", "2026-07-05", "calibrationDue", "2026-07-25",
                "publicationDue", "2026-07-31"))), "scoringDue");
        assertBadRequest(post("supervisor", "/api/evaluation/rounds", with(opening(), "scope",
                Map.of("taskIds", List.of("no-such-task")))), "scope.taskIds");
        assertBadRequest(post("supervisor", "/api/evaluation/rounds", with(opening(), "evaluators", List.of())), "evaluator");
        assertBadRequest(post("supervisor", "/api/evaluation/rounds", with(opening(), "evaluators", List.of(Map.of(
                "username", "supervisor", "displayName", "王五", "kind", "SUPERVISOR_STAFF")))), "organisation");
        assertBadRequest(post("supervisor", "/api/evaluation/rounds", with(opening(), "title", " ")), "title");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(http.withBasicAuth("supervisor", "duban").exchange("/api/evaluation/rounds", HttpMethod.POST,
                new HttpEntity<>("{not json", json), Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    @Order(2)
    void only_a_supervisor_of_the_plans_office_opens_a_round() {
        assertThat(post("citysupervisor", "/api/evaluation/rounds", opening()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("market", "/api/evaluation/rounds", opening()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("auditor", "/api/evaluation/rounds", opening()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    @Order(3)
    void a_small_round_runs_from_opening_to_closing_and_refuses_what_its_phase_does_not_take() {
        ResponseEntity<Map> opened = post("supervisor", "/api/evaluation/rounds", opening());
        assertThat(opened.getStatusCode()).as(String.valueOf(opened.getBody())).isEqualTo(HttpStatus.CREATED);
        roundId = (String) opened.getBody().get("roundId");
        String round = "/api/evaluation/rounds/" + roundId;

        Map detail = get("supervisor", round).getBody();
        assertThat(((Map) detail.get("summary")).get("phase")).isEqualTo("SELF_ASSESSMENT");
        List<Map> items = (List<Map>) detail.get("items");
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.get("itemId")).isEqualTo(taskId);
            assertThat(item.get("kind")).isEqualTo("TASK");
            assertThat(((Map) item.get("unit")).get("name")).isEqualTo("区市场监管局");
        });
        String unitId = (String) ((Map) items.get(0).get("unit")).get("unitId");
        assertThat(List.of(get("supervisor", "/api/evaluation/rounds?planId=" + planId, Map[].class).getBody()))
                .extracting(r -> r.get("roundId")).contains(roundId);

        // who may read it and who may not
        assertThat(get("citysupervisor", round).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("health", round).getStatusCode()).as("a unit with no item in the round").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("market", round).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(List.of(get("health", "/api/evaluation/rounds?planId=" + planId, Map[].class).getBody()))
                .as("a unit lists only the rounds it is in").extracting(r -> r.get("roundId")).doesNotContain(roundId);
        assertThat(List.of(get("market", "/api/evaluation/rounds?planId=" + planId, Map[].class).getBody()))
                .extracting(r -> r.get("roundId")).contains(roundId);
        assertThat(get("supervisor", "/api/evaluation/rounds/no-such-round").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("supervisor", round + "/results").getStatusCode()).as("nothing published yet")
                .isEqualTo(HttpStatus.NOT_FOUND);

        // self-assessment: only the unit, with a score from 0 to 100 and words
        assertThat(post("health", round + "/self-assessments/" + unitId, selfAssessment(90)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertBadRequest(post("market", round + "/self-assessments/" + unitId, selfAssessment(101)), "score");
        assertBadRequest(post("market", round + "/self-assessments/" + unitId, Map.of("entries", List.of(Map.of(
                "itemId", taskId, "score", 80)))), "narrative");
        assertThat(post("supervisor", round + "/scores", score(80)).getStatusCode()).as("scoring before its phase")
                .isEqualTo(HttpStatus.CONFLICT);
        ok(post("market", round + "/self-assessments/" + unitId, selfAssessment(85)));
        assertRefused(post("market", round + "/self-assessments/" + unitId, selfAssessment(85)));
        assertThat(phase(round)).isEqualTo("SCORING");

        // scoring: only an evaluator, by the scheme's criteria
        assertThat(post("citysupervisor", round + "/scores", score(80)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("market", round + "/scores", score(80)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertBadRequest(post("supervisor", round + "/scores", score(120)), "score of criterion");
        assertBadRequest(post("supervisor", round + "/scores", Map.of("criterionScores", Map.of("completion", 80))), "itemId");
        assertRefused(post("supervisor", round + "/scores", Map.of("itemId", taskId, "criterionScores",
                Map.of("completion", 80))));
        assertRefused(post("supervisor", round + "/scoring/complete", Map.of()));
        ok(post("supervisor", round + "/scores", score(70)));
        ok(post("supervisor", round + "/scoring/complete", Map.of()));
        assertThat(phase(round)).isEqualTo("CALIBRATION");

        // calibration with a reason, then publication
        assertBadRequest(post("supervisor", round + "/calibrations", Map.of("itemId", taskId, "after", 65)), "reason");
        assertThat(post("market", round + "/calibrations", Map.of("itemId", taskId, "after", 65, "reason", "自己加分"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ok(post("supervisor", round + "/calibrations", Map.of("itemId", taskId, "after", 65, "reason", "佐证不足")));
        assertRefused(post("supervisor", round + "/publish", Map.of()));
        ok(post("supervisor", round + "/calibration/finish", Map.of()));
        assertThat(post("citysupervisor", round + "/publish", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ok(post("supervisor", round + "/publish", Map.of()));
        assertThat(phase(round)).isEqualTo("PUBLISHED");

        Map results = get("supervisor", round + "/results").getBody();
        assertThat((List<Map>) results.get("items")).singleElement().satisfies(item -> {
            assertThat(new BigDecimal(String.valueOf(item.get("score")))).isEqualByComparingTo("65");
            assertThat(item.get("grade")).isEqualTo("FAIR");
        });
        assertThat((List<Map>) results.get("units")).singleElement().satisfies(unit -> assertThat(unit.get("rank")).isEqualTo(1));
        assertThat(get("market", round + "/results").getStatusCode()).isEqualTo(HttpStatus.OK);

        // a published round is no longer cancelled, only closed
        assertRefused(post("supervisor", round + "/cancel", Map.of("reason", "重复开展")));
        ok(post("supervisor", round + "/close", Map.of()));
        assertThat(phase(round)).isEqualTo("CLOSED");
        assertRefused(post("supervisor", round + "/close", Map.of()));
    }

    @Test
    @Order(4)
    void a_round_cancelled_midway_takes_nothing_more() {
        String round = "/api/evaluation/rounds/" + post("supervisor", "/api/evaluation/rounds", opening()).getBody().get("roundId");
        assertBadRequest(post("supervisor", round + "/cancel", Map.of()), "reason");
        assertThat(post("market", round + "/cancel", Map.of("reason", "不想评")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ok(post("supervisor", round + "/cancel", Map.of("reason", "评估范围有误，重新开展")));
        assertThat(phase(round)).isEqualTo("CANCELLED");
        assertThat(get("supervisor", round).getBody().get("cancelReason")).isEqualTo("评估范围有误，重新开展");
        assertRefused(post("supervisor", round + "/self-assessment/close", Map.of("reason", "不等了")));
    }

    private Map<String, Object> opening() {
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("planId", planId);
        opening.put("kind", "MID_TERM");
        opening.put("title", "市场监管中期评估");
        opening.put("cutOff", "2026-06-30");
        opening.put("scope", Map.of("taskIds", List.of(taskId)));
        opening.put("deadlines", Map.of("selfAssessmentDue", "2026-07-10", "scoringDue", "2026-07-20",
                "calibrationDue", "2026-07-25", "publicationDue", "2026-07-31"));
        opening.put("blind", false);
        opening.put("evaluators", List.of(Map.of("username", "supervisor", "displayName", "王五",
                "kind", "SUPERVISOR_STAFF", "organisation", "区政府督查室")));
        return opening;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(Map<String, Object> body, String field) {
        body.remove(field);
        return body;
    }

    private Map<String, Object> selfAssessment(int score) {
        return Map.of("entries", List.of(Map.of("itemId", taskId, "score", score, "narrative", "按计划推进。",
                "evidence", List.of())));
    }

    private Map<String, Object> score(int each) {
        return Map.of("itemId", taskId, "criterionScores", Map.of("completion", each, "quality", each,
                "timeliness", each, "attainment", each), "comment", "依据自评和佐证材料评分");
    }

    private String phase(String round) {
        return (String) ((Map) get("supervisor", round).getBody().get("summary")).get("phase");
    }

    private static void assertBadRequest(ResponseEntity<Map> response, String field) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(response.getBody().get("detail"))).contains(field);
    }

    private static void assertRefused(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("code")).isNotNull();
    }

    private static void ok(ResponseEntity<?> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
    }

    private ResponseEntity<Map> get(String user, String path) {
        return get(user, path, Map.class);
    }

    private <T> ResponseEntity<T> get(String user, String path, Class<T> type) {
        return http.withBasicAuth(user, "duban").getForEntity(path, type);
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }

    /** Both clocks at 10:00 on the day in Shanghai. */
    private static void at(LocalDate day) {
        Instant moment = WorkflowClock.startOf(day).toInstant().plus(Duration.ofHours(10));
        ClockUtil.setCurrentTime(java.util.Date.from(moment));
        GenericEventMessage.clock = Clock.offset(EVENT_CLOCK, Duration.between(Instant.now(), moment));
    }
}
