package org.duban.app.demo;

import org.duban.app.support.DubanIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A first start with the demo data: the Dazu plan is in execution and every demo account has work waiting, put
 * there by the ordinary steps, each recorded as the account that took it.
 */
@DubanIntegrationTest
@TestPropertySource(properties = "duban.demo.enabled=true")
@SuppressWarnings({"rawtypes", "unchecked"})
class DemoDataIT {
    // the job executor looks for due timers at least every 5 s; a loaded test host may take longer
    private static final Duration TIMERS = Duration.ofSeconds(90);

    @Autowired
    TestRestTemplate http;

    @Test
    void the_dazu_plan_is_in_execution_with_a_quarterly_cadence() {
        Map plan = dazu();
        assertThat(plan).containsEntry("status", "IN_EXECUTION").containsEntry("supervisingUnit", "区政府督查室");
        assertThat(get("health", "/api/plans/" + plan.get("planId") + "/reporting-cadence"))
                .containsEntry("cadence", "QUARTERLY");
    }

    @Test
    void health_finds_tasks_to_acknowledge_reports_to_write_and_a_returned_report_in_its_inbox() {
        List<Map> inbox = inbox("health");
        assertThat(steps(inbox)).contains("acknowledgeTask", "writeReport", "contribute");
        Map returned = inbox.stream().filter(item -> item.get("step").equals("writeReport"))
                .map(item -> report("health", item)).filter(report -> report.get("status").equals("RETURNED"))
                .findFirst().orElseThrow(() -> new AssertionError("no returned report in the inbox of health: " + inbox));
        Map round = (Map) ((List) returned.get("rounds")).get(0);
        assertThat(round).containsEntry("outcome", "RETURNED").containsEntry("decidedBy", DemoExecution.SUPERVISOR);
        assertThat((String) round.get("reason")).isNotBlank();
        // while the plan runs (its last report is due early in the year after its end), the current period is open
        // for writing: its report is due after today
        if (LocalDate.now().getYear() <= (Integer) dazu().get("endYear")) {
            assertThat(inbox.stream().filter(item -> item.get("step").equals("writeReport"))
                    .map(item -> report("health", item)).map(report -> LocalDate.parse((String) report.get("dueOn"))))
                    .anyMatch(due -> due.isAfter(LocalDate.now()));
        }
    }

    @Test
    void market_finds_tasks_to_acknowledge_and_reports_to_write() {
        assertThat(steps(inbox("market"))).contains("acknowledgeTask", "writeReport");
    }

    @Test
    void the_supervisor_finds_a_report_to_review_an_adjustment_to_decide_and_overdue_reports_to_urge() {
        assertThat(steps(inbox(DemoExecution.SUPERVISOR))).contains("reviewReport", "decideAdjustment");
        await("the overdue reports escalated").atMost(TIMERS).pollInterval(Duration.ofSeconds(1))
                .until(() -> steps(inbox(DemoExecution.SUPERVISOR)).contains("handleEscalation"));
    }

    @Test
    void a_report_of_the_oldest_period_turns_overdue_by_the_ordinary_timer() {
        Map item = inbox("health").stream().filter(step -> step.get("step").equals("writeReport"))
                .min((a, b) -> ((String) a.get("period")).compareTo((String) b.get("period"))).orElseThrow();
        await("the oldest period's report marked overdue").atMost(TIMERS).pollInterval(Duration.ofSeconds(1))
                .until(() -> Boolean.TRUE.equals(report("health", item).get("overdue")));
        Map report = report("health", item);
        assertThat(report).containsEntry("escalated", true);
        assertThat(LocalDate.parse((String) report.get("overdueOn"))).isBeforeOrEqualTo(LocalDate.now());
    }

    @Test
    void each_step_is_recorded_as_the_account_that_took_it_and_the_trail_holds_every_kind_of_event() {
        actedAs("citysupervisor", "市政府督查办", "SUPERVISOR", "PlanCreated", "PlanImportRecorded");
        actedAs(DemoExecution.SUPERVISOR, "区政府督查室", "SUPERVISOR", "PlanCreated", "PlanImportRecorded",
                "PlanPublicationRequested", "PlanPublished", "TaskAssigned", "ReportingCadenceSet",
                "PlanExecutionStarted", "PlanPeriodOpened", "ReportingPeriodOpened", "ReportReturned", "ReportAccepted",
                "ReportReminded");
        actedAs("health", "区卫生健康委", "UNIT_USER", "TaskAcknowledged", "CoUnitPartConfirmed", "ContributionSubmitted",
                "ReportSubmitted", "ReportDrafted");
        actedAs("market", "区市场监管局", "UNIT_USER", "TaskAcknowledged", "TaskAdjustmentRequested",
                "CoUnitPartConfirmed", "ContributionSubmitted", "ReportSubmitted");
        await("the timers' reminders and overdue marks, recorded as the system").atMost(TIMERS)
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .untilAsserted(() -> actedAs("system", null, "SYSTEM", "ReportReminded", "ReportMarkedOverdue",
                        "ReportEscalated"));
    }

    /** The audit trail has events of each type caused by the user, and each carries the user's unit and role. */
    private void actedAs(String user, String unit, String role, String... eventTypes) {
        for (String eventType : eventTypes) {
            List<Map> entries = (List<Map>) get("auditor", "/api/audit/events?subject=USER&id=" + user + "&eventType="
                    + eventType + "&size=500").get("entries");
            assertThat(entries).as("%s by %s", eventType, user).isNotEmpty().allSatisfy(entry -> {
                assertThat(entry).containsEntry("actorUser", user).containsEntry("actorRole", role);
                assertThat(entry.get("actorUnit")).as("unit of %s", entry).isEqualTo(unit);
            });
        }
    }

    private Map dazu() {
        List<Map> plans = http.withBasicAuth("health", "duban").getForObject("/api/plans", List.class);
        return plans.stream().filter(plan -> DemoData.DAZU_DOCUMENT_NUMBER.equals(plan.get("documentNumber")))
                .findFirst().orElseThrow(() -> new AssertionError("no demo plan among " + plans));
    }

    private List<Map> inbox(String user) {
        return http.withBasicAuth(user, "duban").getForObject("/api/inbox", List.class);
    }

    private static Set<Object> steps(List<Map> inbox) {
        return inbox.stream().map(item -> item.get("step")).collect(Collectors.toSet());
    }

    /** The report of the inbox item's task and period, as the task page reads it. */
    private Map report(String user, Map item) {
        List<Map> reports = (List<Map>) get(user, "/api/tasks/" + item.get("taskId")).get("reports");
        return Optional.ofNullable(reports).orElse(List.of()).stream()
                .filter(report -> Objects.equals(report.get("periodKey"), item.get("period"))).findFirst()
                .orElseThrow(() -> new AssertionError("task " + item.get("taskId") + " has no report for " + item));
    }

    private Map get(String user, String path) {
        var response = http.withBasicAuth(user, "duban").getForEntity(path, Map.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " → " + response.getBody()).isTrue();
        return response.getBody();
    }
}
