package org.duban.app.supervision;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.app.support.PlanTrees.ledBy;
import static org.duban.app.support.Uploads.publishedDazuPlan;

/**
 * A supervision case through the whole application on the Dazu plan: a supervisor issues a notice on a task; left
 * unanswered it escalates by its timers up to listed supervision; the unit answers with a plan and a result; the
 * supervisor sends it back once and then closes it out. Another office's supervisor is refused. The overdue-report rule
 * opens one case on an overdue report, not two.
 */
@DubanIntegrationTest
// its own database: the overdue rule counts every overdue report, and other tests leave theirs
@TestPropertySource(properties = "duban.test.context=supervision-cases")
@SuppressWarnings({"rawtypes", "unchecked"})
class SupervisionCaseIT {
    private static final String HEALTH = "区卫生健康委";

    @Autowired
    TestRestTemplate http;
    @Autowired
    SupervisionRules rules;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_notice_escalates_unanswered_to_listed_and_is_rectified_rejected_once_and_closed_out() {
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        String planId = publishedDazuPlan(http);
        List<Map> health = ledBy(get("supervisor", "/api/plans/" + planId + "/tree"), HEALTH);
        String taskId = (String) health.get(0).get("taskId");
        post("health", "/api/tasks/" + taskId + "/acknowledgement", Map.of());

        // another office's supervisor may not issue on this plan, a unit may not issue at all
        Map notice = Map.of("taskId", taskId, "grade", "REMINDER", "reason", "建设进度明显滞后", "answerBy", "2026-10-20");
        assertThat(post("citysupervisor", "/api/supervision/cases", notice).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("health", "/api/supervision/cases", notice).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> issued = post("supervisor", "/api/supervision/cases", notice);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = (String) issued.getBody().get("caseId");
        String path = "/api/supervision/cases/" + caseId;
        assertThat(view(path)).containsEntry("grade", "REMINDER").containsEntry("stage", "AWAITING_PLAN")
                .containsEntry("answerBy", "2026-10-20");
        assertThat(http.withBasicAuth("citysupervisor", "duban").getForEntity(path, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // unanswered past its answer day (a Tuesday): the timer raises it to a notice with a new answer day ...
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 22)));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> "NOTICE".equals(view(path).get("grade")));
        LocalDate secondAnswerBy = LocalDate.parse((String) view(path).get("answerBy"));
        assertThat(secondAnswerBy).isAfter(LocalDate.of(2026, 10, 22));
        // ... and, unanswered again, to listed supervision, where it stays
        ClockUtil.setCurrentTime(WorkflowClock.startOf(secondAnswerBy.plusDays(7)));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300))
                .until(() -> "LISTED".equals(view(path).get("grade")));
        assertThat(post("supervisor", path + "/escalation", Map.of("reason", "再升一级")).getBody())
                .as("listed supervision is the highest grade").containsEntry("grade", "LISTED");

        // the unit answers, carries out and submits; another unit cannot answer for it
        Map plan = Map.of("plan", "倒排工期，月底前完成主体工程", "deadline", "2026-12-31");
        assertThat(post("market", path + "/plan", plan).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("health", path + "/plan", plan).getBody()).containsEntry("stage", "RECTIFYING")
                .containsEntry("deadline", "2026-12-31");
        assertThat(post("health", path + "/result", Map.of("result", "主体工程已完工")).getBody())
                .containsEntry("stage", "RESULT_SUBMITTED");

        // the supervisor of another office is refused; the plan's own sends it back once, then closes it out
        assertThat(post("citysupervisor", path + "/verification", Map.of("closedOut", true)).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("health", path + "/verification", Map.of("closedOut", true)).getStatusCode())
                .as("a unit cannot close out its own case").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("supervisor", path + "/verification", Map.of("closedOut", false, "reason", "缺少竣工验收材料"))
                .getBody()).containsEntry("stage", "RECTIFYING").containsEntry("rejection", "缺少竣工验收材料");
        post("health", path + "/result", Map.of("result", "已补充竣工验收材料"));
        assertThat(post("supervisor", path + "/verification", Map.of("closedOut", true, "reason", "整改到位")).getBody())
                .containsEntry("stage", "CLOSED_OUT");
        assertThat(post("health", path + "/result", Map.of("result", "再报一次")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        Map detail = get("supervisor", path);
        assertThat((List<Map>) detail.get("timeline")).extracting(e -> e.get("eventType")).containsExactly(
                "SupervisionNoticeIssued", "SupervisionCaseEscalated", "SupervisionCaseEscalated",
                "RectificationPlanSubmitted", "RectificationResultSubmitted", "RectificationRejected",
                "RectificationResultSubmitted", "SupervisionCaseClosedOut");
        assertThat(List.of(http.withBasicAuth("health", "duban").getForObject("/api/supervision/cases", Map[].class)))
                .extracting(c -> c.get("caseId")).contains(caseId);
        assertThat(List.of(http.withBasicAuth("citysupervisor", "duban").getForObject("/api/supervision/cases", Map[].class)))
                .extracting(c -> c.get("caseId")).doesNotContain(caseId);
    }

    @Test
    void bad_input_is_answered_400_naming_the_field() {
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        String planId = publishedDazuPlan(http);
        String taskId = (String) ledBy(get("supervisor", "/api/plans/" + planId + "/tree"), HEALTH).get(0).get("taskId");
        ResponseEntity<Map> blank = post("supervisor", "/api/supervision/cases", Map.of("taskId", taskId, "reason", " "));
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(blank.getBody().toString()).contains("reason");
        ResponseEntity<Map> neither = post("supervisor", "/api/supervision/cases", Map.of("reason", "滞后"));
        assertThat(neither.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(neither.getBody().toString()).contains("taskId");
        Map<String, Object> badGrade = new HashMap<>(Map.of("taskId", taskId, "reason", "滞后", "grade", "URGENT"));
        assertThat(post("supervisor", "/api/supervision/cases", badGrade).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.withBasicAuth("supervisor", "duban").getForEntity("/api/supervision/cases/no-such-case", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_report_overdue_for_five_working_days_opens_one_case_not_two() {
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        String planId = publishedDazuPlan(http);
        String taskId = (String) ledBy(get("supervisor", "/api/plans/" + planId + "/tree"), HEALTH).get(0).get("taskId");
        post("health", "/api/tasks/" + taskId + "/acknowledgement", Map.of());
        put("supervisor", "/api/plans/" + planId + "/reporting-cadence", Map.of("cadence", "QUARTERLY", "dueDay", 10,
                "graceWorkingDays", 3));
        Map opened = post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4")).getBody();
        LocalDate overdueOn = LocalDate.parse((String) opened.get("overdueOn"));

        // past the overdue day the report's timer marks it overdue
        ClockUtil.setCurrentTime(WorkflowClock.startOf(overdueOn.plusDays(1)));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).until(() ->
                ((List<Map>) get("supervisor", "/api/tasks/" + taskId).get("reports")).stream()
                        .anyMatch(r -> Boolean.TRUE.equals(r.get("overdue"))));
        assertThat(rules.openCasesOnOverdueReports(overdueOn.plusDays(1))).as("not yet five working days").isZero();

        LocalDate later = overdueOn.plusDays(14);
        assertThat(rules.openCasesOnOverdueReports(later)).isEqualTo(1);
        assertThat(rules.openCasesOnOverdueReports(later)).as("the same report opens no second case").isZero();
        List<Map> cases = List.of(http.withBasicAuth("supervisor", "duban")
                .getForObject("/api/supervision/cases?taskId=" + taskId, Map[].class));
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0)).containsEntry("trigger", "REPORT_OVERDUE").containsEntry("grade", "NOTICE")
                .containsEntry("unitName", HEALTH).containsEntry("stage", "AWAITING_PLAN");
        assertThat((Map) cases.get(0).get("item")).containsEntry("taskId", taskId).containsEntry("periodKey", "2026-Q4");
        Map detail = get("supervisor", "/api/supervision/cases/" + cases.get(0).get("caseId"));
        assertThat((List<Map>) detail.get("timeline")).first().satisfies(e -> assertThat(e)
                .containsEntry("eventType", "SupervisionNoticeIssued").containsEntry("actorRole", "SYSTEM"));
    }

    private Map view(String path) {
        return (Map) get("supervisor", path).get("view");
    }

    private Map get(String user, String path) {
        ResponseEntity<Map> response = http.withBasicAuth(user, "duban").getForEntity(path, Map.class);
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : Map.of();
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }

    private ResponseEntity<Map> put(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }
}
