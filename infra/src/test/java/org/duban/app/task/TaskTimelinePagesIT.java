package org.duban.app.task;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.support.Browser;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.EngineClock;
import org.duban.app.support.PageChecks;
import org.duban.app.support.PlanTrees;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * The task page and the audit page as a clerk and an auditor read them, in Chinese and in English: a task whose
 * units were adjusted, whose quarter was reminded, returned and accepted, told in sentences with labelled changes,
 * the workflow step by name, and nothing wider than the window.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class TaskTimelinePagesIT {
    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    TestRestTemplate http;
    private String planId;
    private String taskId;
    private String taskText;
    private List<Map> indicators;

    @BeforeAll
    void aTaskWithAHistory() {
        // the quarters are opened and written well before their due dates, whatever day the test runs
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        ok(send("supervisor", "/api/plans/" + planId + "/publication-request", Map.of()));
        ok(send("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of()));
        Map tree = http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree", Map.class);
        indicators = (List<Map>) tree.get("indicators");
        Map task = PlanTrees.ledBy(tree, "区卫生健康委").get(0);
        taskId = (String) task.get("taskId");
        taskText = (String) task.get("text");
        String tasks = "/api/tasks/" + taskId;

        ResponseEntity<Map> asked = send("health", tasks + "/adjustment-requests", Map.of("kind", "UNITS",
                "proposal", "区卫生健康委；区财政局、区医保局", "reason", "医保支付改革需医保局配合"));
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ok(send("supervisor", tasks + "/adjustment-requests/" + asked.getBody().get("adjustmentId") + "/decision",
                Map.of("approved", true, "reason", "同意")));
        ok(send("health", tasks + "/acknowledgement", Map.of()));
        ok(http.withBasicAuth("supervisor", "duban").exchange("/api/plans/" + planId + "/reporting-cadence",
                HttpMethod.PUT, new HttpEntity<>(Map.of("cadence", "QUARTERLY")), Map.class));
        ok(send("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q3")));
        ok(send("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4")));

        ok(send("supervisor", tasks + "/reports/2026-Q3/reminders", Map.of("note", "请尽快报送三季度进展")));
        ok(send("health", tasks + "/reports/2026-Q3/submission", report("三季度完成中医馆设备招标。", "IN_PROGRESS")));
        ok(send("supervisor", tasks + "/reports/2026-Q3/review", Map.of("accepted", false, "reason", "缺少资金到位佐证")));
        ok(send("health", tasks + "/reports/2026-Q3/submission", report("三季度完成中医馆设备招标，资金已到位。", "IN_PROGRESS")));
        ok(send("supervisor", tasks + "/reports/2026-Q3/review", Map.of("accepted", true, "reason", "")));
    }

    @AfterAll
    void resetClock() {
        EngineClock.resetAndSettle(management);
    }

    @Test
    void the_unit_reads_the_timeline_in_sentences_with_labelled_changes_and_the_steps_by_name() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("health");
            browser.open("/tasks/" + taskId);
            browser.waitUntil(d -> !d.findElements(By.cssSelector("ol.timeline")).isEmpty());

            assertThat(text(browser, "ol.timeline li.TaskAcknowledged .sentence")).isEqualTo("区卫生健康委 张三 签收了任务");
            assertThat(text(browser, "ol.timeline li.TaskAcknowledged .step-name")).isEqualTo("签收任务");
            WebElement units = browser.driver().findElement(By.cssSelector("ol.timeline li.TaskUnitsChanged"));
            assertThat(units.findElement(By.cssSelector(".sentence")).getText()).isEqualTo("区政府督查室 王五 变更了责任单位");
            assertThat(units.findElements(By.cssSelector(".changes li"))).extracting(WebElement::getText)
                    .anySatisfy(line -> assertThat(line).startsWith("配合单位：").endsWith("区财政局、区医保局"));
            WebElement requested = browser.driver().findElement(By.cssSelector("ol.timeline li.TaskAdjustmentRequested"));
            assertThat(requested.findElement(By.cssSelector(".reason-text")).getText()).isEqualTo("医保支付改革需医保局配合");
            assertThat(requested.getText()).contains("调整类型：责任单位");
            assertThat(browser.driver().findElements(By.cssSelector("ol.timeline li.ReportReminded .sentence")))
                    .extracting(WebElement::getText).contains("区政府督查室 王五 催办了2026年第三季度进展报告");
            WebElement returned = browser.driver().findElement(By.cssSelector("ol.timeline li.ReportReturned"));
            assertThat(returned.findElement(By.cssSelector(".sentence")).getText())
                    .isEqualTo("区政府督查室 王五 退回了2026年第三季度进展报告");
            assertThat(returned.findElement(By.cssSelector(".reason-text")).getText()).isEqualTo("缺少资金到位佐证");
            assertThat(returned.findElement(By.cssSelector(".role")).getText()).isEqualTo("督查人员");
            assertThat(returned.findElement(By.cssSelector(".step-name")).getText()).isEqualTo("审核报告");
            assertThat(text(browser, "ol.timeline li.ReportAccepted .sentence"))
                    .isEqualTo("区政府督查室 王五 审核通过了2026年第三季度进展报告");
            assertThat(browser.driver().findElements(By.cssSelector("ol.timeline li.ReportSubmitted .changes")))
                    .first().satisfies(changes -> assertThat(changes.getText()).contains("完成情况：推进中", "完成比例（%）：50"));
            // only an administrator is sent to the process engine
            assertThat(browser.driver().findElements(By.cssSelector("a.cockpit"))).isEmpty();

            // the periods of the cadence that are open, in words; the report form gives values for the task's indicators only
            assertThat(browser.driver().findElements(By.cssSelector(".open-periods li"))).extracting(WebElement::getText)
                    .containsExactly("2026年第三季度", "2026年第四季度");
            assertThat(text(browser, "#report-2026-Q3 .report-status")).isEqualTo("已通过");
            long linked = indicators.stream().filter(indicator -> taskId.equals(indicator.get("taskId"))).count();
            assertThat(indicators).hasSizeGreaterThan((int) linked);
            assertThat(browser.driver().findElements(By.cssSelector("#report-2026-Q4 form.write fieldset.indicators input[name=indicatorValue]")))
                    .hasSize((int) linked);
            if (linked == 0) {
                assertThat(text(browser, "#report-2026-Q4 form.write .no-indicators")).isEqualTo("没有与本任务关联的指标。");
            }

            PageChecks.assertReadsInChinese(browser.driver(), "task");
            PageChecks.assertFitsWindow(browser.driver(), "task");
            PageChecks.assertAccessible(browser.driver(), "task");
            PageChecks.screenshot(browser.driver(), "task");

            browser.signIn("admin");
            browser.open("/tasks/" + taskId);
            assertThat(browser.driver().findElements(By.cssSelector("ol.timeline li.ReportReturned a.cockpit")))
                    .singleElement().satisfies(link -> assertThat(link.getAttribute("href"))
                            .contains("/camunda/app/cockpit/default/#/process-instance/"));
        }
    }

    @Test
    void the_task_page_in_english_has_no_chinese_label_and_fits_the_window() {
        try (Browser browser = new Browser(port, Locale.ENGLISH)) {
            browser.signIn("health");
            browser.open("/tasks/" + taskId);
            assertThat(text(browser, "ol.timeline li.ReportReturned .sentence"))
                    .endsWith(" returned the Q3 2026 report");
            assertThat(text(browser, "ol.timeline li.TaskAcknowledged .step-name")).isEqualTo("Acknowledge");
            PageChecks.assertNoChineseLabels(browser.driver(), "task (en)");
            PageChecks.assertFitsWindow(browser.driver(), "task (en)");
        }
    }

    @Test
    void the_auditor_filters_by_chinese_event_names_and_reads_who_did_what_to_which_task() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("auditor");
            browser.open("/audit?subject=TASK&id=" + taskId + "&oldestFirst=true");
            WebElement returned = browser.waitUntil(d -> d.findElements(By.cssSelector("table.audit tr.ReportReturned"))
                    .stream().findFirst().orElse(null));
            assertThat(returned.findElement(By.cssSelector(".event-name")).getText()).isEqualTo("退回");
            assertThat(returned.findElement(By.cssSelector(".actor")).getText()).isEqualTo("区政府督查室 王五");
            assertThat(returned.findElement(By.cssSelector(".role")).getText()).isEqualTo("督查人员");
            assertThat(returned.findElement(By.cssSelector(".reason")).getText()).isEqualTo("缺少资金到位佐证");
            assertThat(returned.findElement(By.cssSelector(".about a.task")).getText()).endsWith(taskText);
            assertThat(returned.findElement(By.cssSelector(".step")).getText()).isEqualTo("审核报告");
            WebElement created = browser.driver().findElement(By.cssSelector("table.audit tr.TaskCreated"));
            assertThat(created.findElement(By.cssSelector(".actor")).getText()).doesNotContain("null");
            assertThat(created.findElement(By.cssSelector(".changes")).getText()).contains("牵头单位：区卫生健康委");
            PageChecks.assertReadsInChinese(browser.driver(), "audit");
            PageChecks.assertFitsWindow(browser.driver(), "audit");
            PageChecks.assertAccessible(browser.driver(), "audit");
            PageChecks.screenshot(browser.driver(), "audit");

            Select events = new Select(browser.driver().findElement(By.name("eventType")));
            Map<String, String> names = new HashMap<>();
            events.getOptions().forEach(option -> names.put(option.getAttribute("value"), option.getText()));
            assertThat(names).containsEntry("ReportReturned", "退回").containsEntry("TaskUnitsChanged", "变更责任单位");
            events.selectByValue("ReportReturned");
            WebElement search = browser.driver().findElement(By.cssSelector("form.audit-filter button[type=submit]"));
            search.click();
            browser.waitUntil(ExpectedConditions.stalenessOf(search)::apply);
            assertThat(browser.driver().findElements(By.cssSelector("table.audit tbody tr")))
                    .hasSize(1).allSatisfy(row -> assertThat(row.getAttribute("class")).contains("ReportReturned"));
        }
        try (Browser browser = new Browser(port, Locale.ENGLISH)) {
            browser.signIn("auditor");
            browser.open("/audit?subject=TASK&id=" + taskId);
            assertThat(text(browser, "table.audit tr.ReportReturned .event-name")).isEqualTo("Report returned");
            PageChecks.assertNoChineseLabels(browser.driver(), "audit (en)");
            PageChecks.assertFitsWindow(browser.driver(), "audit (en)");
        }
    }

    private static Map<String, Object> report(String narrative, String status) {
        Map<String, Object> content = new HashMap<>();
        content.put("narrative", narrative);
        content.put("status", status);
        content.put("percent", 50);
        content.put("indicatorValues", List.of());
        content.put("evidence", List.of());
        return content;
    }

    private static String text(Browser browser, String css) {
        return browser.waitUntil(d -> d.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText)
                .orElse(null));
    }

    private ResponseEntity<Map> send(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }

    private static void ok(ResponseEntity<Map> answer) {
        assertThat(answer.getStatusCode().is2xxSuccessful()).as("%s", answer.getBody()).isTrue();
    }
}
