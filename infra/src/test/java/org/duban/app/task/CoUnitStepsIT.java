package org.duban.app.task;

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
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.PlanTrees.allTasks;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * No co-unit's step stays in its inbox for ever: on the Dazu plan, the market regulator's contribution ends when the
 * report it would feed is accepted, its confirmations expire the working day after the acknowledgement date, and its
 * contribution to a report left unsubmitted ends when that report becomes overdue. Each end is an event in the task's
 * timeline and a mark in its view.
 */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class CoUnitStepsIT {
    private static final String MARKET = "区市场监管局";

    @Autowired
    TestRestTemplate http;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void the_co_units_steps_end_with_the_report_the_acknowledgement_date_and_the_period() {
        // published on a known day, so that the acknowledgement date comes well before the quarter's report is due
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        String planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        post("supervisor", "/api/plans/" + planId + "/publication-request", Map.of());
        assertThat(post("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        List<Map> ledByHealthWithMarket = allTasks(get("supervisor", "/api/plans/" + planId + "/tree")).stream()
                .filter(t -> name(t.get("leadUnit")).equals("区卫生健康委")
                        && ((List<Map>) t.get("coUnits")).stream().anyMatch(u -> name(u).equals(MARKET))).toList();
        assertThat(ledByHealthWithMarket).hasSizeGreaterThanOrEqualTo(2);
        String accepted = (String) ledByHealthWithMarket.get(0).get("taskId");
        String unsubmitted = (String) ledByHealthWithMarket.get(1).get("taskId");
        String marketId = (String) ((List<Map>) ledByHealthWithMarket.get(0).get("coUnits")).stream()
                .filter(u -> name(u).equals(MARKET)).findFirst().orElseThrow().get("unitId");
        LocalDate acknowledgeBy = LocalDate.parse((String) ((Map) get("health", "/api/tasks/" + accepted).get("summary"))
                .get("acknowledgeBy"));

        post("health", "/api/tasks/" + accepted + "/acknowledgement", Map.of());
        post("health", "/api/tasks/" + unsubmitted + "/acknowledgement", Map.of());
        put("supervisor", "/api/plans/" + planId + "/reporting-cadence", Map.of("cadence", "QUARTERLY", "dueDay", 10,
                "graceWorkingDays", 3));
        Map opened = post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4")).getBody();
        assertThat(opened).containsEntry("reports", 2);
        LocalDate overdueOn = LocalDate.parse((String) opened.get("overdueOn"));
        assertThat(inbox("market")).anySatisfy(item -> assertThat(item).containsEntry("step", "confirmPart")
                .containsEntry("taskId", accepted)).anySatisfy(item -> assertThat(item).containsEntry("step", "contribute")
                .containsEntry("taskId", accepted)).anySatisfy(item -> assertThat(item).containsEntry("step", "contribute")
                .containsEntry("taskId", unsubmitted));

        // the report is accepted without the market regulator's contribution: its step ends with the acceptance
        String report = "/api/tasks/" + accepted + "/reports/2026-Q4";
        assertThat(post("health", report + "/submission", Map.of("narrative", "完成二期主体结构。", "status", "IN_PROGRESS",
                "percent", 60)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("supervisor", report + "/review", Map.of("accepted", true, "reason", "同意")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(inbox("market")).noneMatch(step("contribute", accepted));
        assertThat(post("market", report + "/contributions", Map.of("text", "迟到的配合情况")).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        Map acceptedReport = ((List<Map>) get("supervisor", "/api/tasks/" + accepted).get("reports")).get(0);
        assertThat((List<Map>) acceptedReport.get("contributions")).isEmpty();
        assertThat((List<Map>) acceptedReport.get("closedContributions")).anySatisfy(closed ->
                assertThat(closed).containsEntry("unitId", marketId).containsEntry("cause", "REPORT_ACCEPTED"));

        // the working day after the acknowledgement date, the confirmations not given expire, run by the job executor
        ClockUtil.setCurrentTime(WorkflowClock.startOf(acknowledgeBy.plusDays(7)));
        Map marketConfirmation = Map.of();
        for (int poll = 0; poll < 240 && !"EXPIRED".equals(marketConfirmation.get("outcome")); poll++) {
            sleep();
            marketConfirmation = ((List<Map>) get("supervisor", "/api/tasks/" + accepted).get("confirmations")).stream()
                    .filter(c -> name(c.get("unit")).equals(MARKET)).findFirst().orElse(Map.of());
        }
        assertThat(marketConfirmation).containsEntry("outcome", "EXPIRED");
        assertThat(marketConfirmation.get("decidedBy")).as("the system expires it, no person").isNull();
        assertThat(inbox("market")).noneMatch(step("confirmPart", accepted)).noneMatch(step("confirmPart", unsubmitted))
                .anySatisfy(item -> assertThat(item).containsEntry("step", "contribute").containsEntry("taskId", unsubmitted));
        assertThat(post("market", "/api/tasks/" + accepted + "/co-unit-confirmation", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);

        // the unsubmitted report becomes overdue: the contributions not given end with the period
        ClockUtil.setCurrentTime(WorkflowClock.startOf(overdueOn.plusDays(1)));
        List<Map> closed = List.of();
        for (int poll = 0; poll < 240 && closed.stream().noneMatch(c -> marketId.equals(c.get("unitId"))); poll++) {
            sleep();
            closed = (List<Map>) ((List<Map>) get("supervisor", "/api/tasks/" + unsubmitted).get("reports")).get(0)
                    .get("closedContributions");
        }
        assertThat(closed).anySatisfy(c -> assertThat(c).containsEntry("unitId", marketId)
                .containsEntry("cause", "PERIOD_CLOSED"));
        assertThat(inbox("market")).noneMatch(item -> planId.equals(item.get("planId"))
                && List.of("confirmPart", "contribute").contains(item.get("step")));

        // each end is an event in the task's timeline
        assertThat((List<Map>) get("supervisor", "/api/tasks/" + accepted).get("timeline")).extracting(e -> e.get("eventType"))
                .containsSubsequence("ReportAccepted", "ContributionClosed", "CoUnitConfirmationExpired");
        assertThat((List<Map>) get("supervisor", "/api/tasks/" + unsubmitted).get("timeline")).extracting(e -> e.get("eventType"))
                .contains("CoUnitConfirmationExpired", "ContributionClosed", "ReportMarkedOverdue");
    }

    private static Predicate<Map> step(String kind, String taskId) {
        return item -> kind.equals(item.get("step")) && taskId.equals(item.get("taskId"));
    }

    /** The job executor runs the timers in its own thread: wait for it, a bounded while. */
    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String name(Object ref) {
        return (String) ((Map) ref).get("name");
    }

    private List<Map> inbox(String user) {
        return List.of(http.withBasicAuth(user, "duban").getForObject("/api/inbox", Map[].class));
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
