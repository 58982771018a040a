package org.duban.app.task;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.reporting.evidence.EvidenceSamples;
import org.duban.app.support.Browser;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PlanTrees;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * The workflow pages in a real headless Chromium: the supervisor publishes the Dazu plan and opens a quarter on the
 * plan page; the health commission acknowledges a task from its inbox and submits the quarter's report with an
 * attachment; the supervisor returns it from the review inbox; the unit sees the reason, its report prefilled to
 * resubmit, and the timeline.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class TaskPagesIT {
    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
        // the quarter is opened and written well before its due date, whatever day the test runs
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
    }

    @AfterAll
    void stopBrowser() {
        ClockUtil.reset();
        browser.close();
    }

    @Test
    void a_unit_submits_a_report_with_an_attachment_the_supervisor_returns_it_and_the_unit_sees_why() throws IOException {
        String planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        Map task = healthTask(planId);
        String taskId = (String) task.get("taskId");

        // the supervisor publishes the plan from its page
        browser.signIn("supervisor");
        browser.open("/plans/" + planId);
        click("button[name=requestPublication]");
        assertThat(text("#done")).contains("已提请下达");
        click("button[name=approvePublication]");
        assertThat(text("#done")).contains("已批准下达");

        // the unit finds the acknowledgement in its inbox and acknowledges
        browser.signIn("health");
        browser.open("/inbox?plan=" + planId + "&step=acknowledgeTask");
        // the due day as the office reads it (Asia/Shanghai), whatever the server's zone
        Map summary = (Map) http.withBasicAuth("health", "duban").getForObject("/api/tasks/" + taskId, Map.class).get("summary");
        assertThat(inboxItem(taskId, "acknowledgeTask").findElement(By.cssSelector(".due")).getText())
                .isEqualTo(summary.get("acknowledgeBy"));
        press(inboxItem(taskId, "acknowledgeTask").findElement(By.cssSelector("a.open")));
        browser.waitUntil(d -> d.getCurrentUrl().contains("/tasks/" + taskId));
        assertThat(text(".task-status")).isEqualTo("待签收");
        click("button[name=acknowledge]");
        assertThat(text(".task-status")).isEqualTo("已签收");

        // the supervisor sets a quarterly cadence and opens 2026-Q4 on the plan page
        browser.signIn("supervisor");
        browser.open("/plans/" + planId);
        new Select(browser.driver().findElement(By.name("cadence"))).selectByValue("QUARTERLY");
        click("form.cadence button");
        assertThat(text("#done")).contains("已设置报送周期");
        new Select(browser.driver().findElement(By.cssSelector("form.period select[name=period]"))).selectByValue("2026-Q4");
        click("form.period button");
        assertThat(text("#done")).contains("2026年第四季度").contains("1 项任务");

        // the unit writes the report: first without a narrative, refused and nothing kept
        browser.signIn("health");
        browser.open("/inbox?plan=" + planId + "&step=writeReport");
        press(inboxItem(taskId, "writeReport").findElement(By.cssSelector("a.open")));
        browser.waitUntil(d -> !d.findElements(By.cssSelector("form.write")).isEmpty());
        Path pdf = Files.createTempFile("进展佐证-", ".pdf");
        Files.write(pdf, EvidenceSamples.pdf());
        int storedBefore = evidenceCount();
        browser.driver().findElement(By.cssSelector("form.write input[name=files]")).sendKeys(pdf.toString());
        click("form.write button[value=submit]");
        assertThat(text("#problem")).contains("narrative");
        assertThat(text("#report-2026-Q4 .report-status")).isEqualTo("待填报");
        assertThat(evidenceCount()).isEqualTo(storedBefore);

        browser.driver().findElement(By.cssSelector("form.write textarea[name=narrative]")).sendKeys("区中医院二期工程完成主体结构。");
        new Select(browser.driver().findElement(By.cssSelector("form.write select[name=status]"))).selectByValue("IN_PROGRESS");
        browser.driver().findElement(By.cssSelector("form.write input[name=percent]")).sendKeys("60");
        browser.driver().findElement(By.cssSelector("form.write textarea[name=difficulties]")).sendKeys("资金缺口");
        browser.driver().findElement(By.cssSelector("form.write input[name=files]")).sendKeys(pdf.toString());
        Instant beforeSubmission = Instant.now();
        click("form.write button[value=submit]");
        assertThat(text("#done")).contains("已报送");
        assertThat(text("#report-2026-Q4 .report-status")).isEqualTo("待审核");
        assertThat(browser.driver().findElements(By.cssSelector("#report-2026-Q4 .round .evidence a")))
                .extracting(WebElement::getText).containsExactly(pdf.getFileName().toString());
        assertThat(browser.driver().findElements(By.cssSelector("form.write"))).isEmpty();
        assertThat(evidenceCount()).isEqualTo(storedBefore + 1);

        // the supervisor returns it from the review inbox, with a reason
        browser.signIn("supervisor");
        browser.open("/inbox?plan=" + planId + "&step=reviewReport");
        press(inboxItem(taskId, "reviewReport").findElement(By.cssSelector("a.open")));
        browser.waitUntil(d -> !d.findElements(By.cssSelector("form.review")).isEmpty());
        browser.driver().findElement(By.cssSelector("form.review textarea[name=reason]")).sendKeys("缺少资金到位佐证");
        click("form.review button[value=false]");
        assertThat(text("#done")).contains("已退回");

        // the unit sees the reason, the returned round, and its report prefilled to resubmit with the attachment kept
        browser.signIn("health");
        browser.open("/tasks/" + taskId);
        assertThat(text("#report-2026-Q4 .report-status")).isEqualTo("已退回");
        assertThat(text("#report-2026-Q4 .round.RETURNED .reason")).isEqualTo("缺少资金到位佐证");
        assertThat(browser.driver().findElement(By.cssSelector("#report-2026-Q4 form.write textarea[name=narrative]")).getAttribute("value"))
                .as("the report as the API reads it: %s", http.withBasicAuth("health", "duban").getForObject("/api/tasks/" + taskId, Map.class).get("reports"))
                .isEqualTo("区中医院二期工程完成主体结构。");
        assertThat(browser.driver().findElements(By.cssSelector("form.write input[name=keepEvidence]"))).hasSize(1)
                .allMatch(WebElement::isSelected);
        WebElement returned = browser.driver().findElements(By.cssSelector("ol.timeline li.ReportReturned")).get(0);
        assertThat(returned.findElement(By.cssSelector(".sentence")).getText()).isEqualTo("区政府督查室 王五 退回了2026年第四季度进展报告");
        assertThat(returned.findElement(By.cssSelector(".reason-text")).getText()).isEqualTo("缺少资金到位佐证");
        browser.open("/inbox?plan=" + planId + "&step=writeReport");
        assertThat(inboxItem(taskId, "writeReport").findElement(By.cssSelector(".period")).getText()).isEqualTo("2026年第四季度");
        assertThat(inboxItem(taskId, "writeReport").getAttribute("class")).contains("group-RETURNED");
        assertThat(inboxItem(taskId, "writeReport").findElement(By.cssSelector(".return-reason .reason")).getText())
                .isEqualTo("缺少资金到位佐证");

        // the same page as of a moment before the submission: the report still open, and nothing to act on
        browser.open("/tasks/" + taskId + "?asOf=" + beforeSubmission);
        assertThat(text(".past")).contains(beforeSubmission.toString());
        assertThat(text("#report-2026-Q4 .report-status")).isEqualTo("待填报");
        assertThat(browser.driver().findElements(By.cssSelector("form.write, form.review, .round"))).isEmpty();

        // the auditor finds the return in the task's audit trail, and the plan as it stood before the submission
        browser.signIn("auditor");
        browser.open("/tasks/" + taskId);
        press(browser.driver().findElement(By.cssSelector("a.audit-link")));
        WebElement returnedRow = browser.waitUntil(d -> d.findElements(By.cssSelector("table.audit tr.ReportReturned"))
                .stream().findFirst().orElse(null));
        assertThat(returnedRow.findElement(By.cssSelector(".reason")).getText()).isEqualTo("缺少资金到位佐证");
        assertThat(browser.driver().findElement(By.cssSelector("a.export.xlsx")).getAttribute("href"))
                .contains("/api/audit/events/export.xlsx?subject=TASK&id=" + taskId);
        browser.open("/plans/" + planId + "?asOf=" + beforeSubmission);
        assertThat(text(".past-status")).isEqualTo("执行中");
        assertThat(browser.driver().findElements(By.cssSelector("table.past-tasks tbody tr"))).hasSize(94)
                .anySatisfy(row -> assertThat(row.getText()).contains("2026年第四季度 待填报"));
        Files.delete(pdf);
    }

    @Test
    void another_unit_is_refused_the_task_page_and_its_inbox_holds_none_of_this_work() {
        String planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        String taskId = (String) healthTask(planId).get("taskId");
        browser.signIn("market");
        browser.open("/tasks/" + taskId);
        assertThat(browser.driver().findElements(By.cssSelector("form.write, button[name=acknowledge]"))).isEmpty();
        assertThat(text("h1")).isEqualTo("出错了 (403)");
        assertThat(text("main")).contains("无权访问");
        assertThat(browser.driver().getPageSource()).doesNotContain(taskId + "/acknowledgement");
        browser.open("/inbox?plan=" + planId);
        assertThat(browser.driver().findElements(By.cssSelector("table.inbox a.open"))).noneMatch(link ->
                link.getAttribute("href").contains("/tasks/" + taskId));
        // the page shows one page of the inbox: no page of it holds the task either
        assertThat(List.of(http.withBasicAuth("market", "duban").getForObject("/api/inbox", Map[].class)))
                .noneMatch(item -> taskId.equals(item.get("taskId")));
    }

    /** A task the health commission leads. */
    private Map healthTask(String planId) {
        return PlanTrees.ledBy(http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree",
                Map.class), "区卫生健康委").get(0);
    }

    private WebElement inboxItem(String taskId, String step) {
        return browser.waitUntil(d -> d.findElements(By.cssSelector("table.inbox tr.item." + step)).stream()
                .filter(row -> row.findElement(By.cssSelector("a.open")).getAttribute("href").contains("/tasks/" + taskId))
                .findFirst().orElse(null));
    }

    /** A 768-pixel window shows the top of a long page: brings the element into view, as a reader scrolls, and clicks. */
    private void press(WebElement element) {
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        page.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            element.click();
        } catch (ElementClickInterceptedException covered) {
            // what covers it is named in the message; the reader's click reaches the element the same way
            System.err.println("[TaskPagesIT] " + covered.getRawMessage());
            page.executeScript("arguments[0].click();", element);
        }
    }

    /** Clicks and waits for the page the form answers with. */
    private void click(String css) {
        WebElement button = browser.driver().findElement(By.cssSelector(css));
        press(button);
        browser.waitUntil(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(button)::apply);
    }

    private String text(String css) {
        return browser.waitUntil(d -> d.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText)
                .orElse(null));
    }

    private int evidenceCount() {
        return jdbc.queryForObject("select count(*) from evidence", Integer.class);
    }
}
