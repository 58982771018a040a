package org.duban.app.adjustment;

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * The task page's adjustment record (调整记录) as the lead unit and the supervisor read it: the original due date, the
 * approved change with the date before and after, a refused change, and the forms to ask and to decide.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class AdjustmentCardPagesIT {
    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    TestRestTemplate http;
    private String taskId;
    private String planId;

    @BeforeAll
    void aTaskAdjustedTwice() {
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        send("supervisor", "/api/plans/" + planId + "/publication-request", Map.of());
        send("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of());
        Map tree = http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree", Map.class);
        taskId = (String) PlanTrees.ledBy(tree, "区卫生健康委").get(0).get("taskId");
        send("health", "/api/tasks/" + taskId + "/acknowledgement", Map.of());
        String adjustments = "/api/tasks/" + taskId + "/adjustments";
        String moved = (String) send("health", adjustments, Map.of("kind", "DUE_DATE", "proposal", "2027-06-30",
                "reason", "用地审批延后")).getBody().get("adjustmentId");
        send("supervisor", adjustments + "/" + moved + "/decision", Map.of("approved", true, "reason", "同意延期"));
        String refused = (String) send("health", adjustments, Map.of("kind", "TEXT", "proposal", "建成区中医医院新院区。",
                "reason", "表述更新")).getBody().get("adjustmentId");
        send("supervisor", adjustments + "/" + refused + "/decision", Map.of("approved", false, "reason", "原表述准确"));
        send("health", adjustments, Map.of("kind", "DUE_DATE", "proposal", "2027-09-30", "reason", "再次延期"));
    }

    @AfterAll
    void resetClock() {
        EngineClock.resetAndSettle(management);
    }

    @Test
    void the_lead_unit_reads_the_original_the_approved_change_and_the_refusal_and_the_supervisor_may_decide() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("health");
            browser.open("/tasks/" + taskId);
            WebElement card = browser.waitUntil(d -> d.findElements(By.cssSelector(".adjustment-card")).stream()
                    .findFirst().orElse(null));
            assertThat(card.findElement(By.cssSelector("h2")).getText()).isEqualTo("调整记录");
            assertThat(card.findElement(By.cssSelector(".due-date-in-force")).getText()).isEqualTo("2027-06-30");
            WebElement approved = card.findElement(By.cssSelector(".adjustment-entry.approved"));
            assertThat(approved.findElement(By.cssSelector("ins.adjusted")).getText()).isEqualTo("2027-06-30");
            assertThat(approved.getText()).contains("申请将完成时限调整为", "用地审批延后", "同意", "同意延期", "起执行");
            assertThat(card.findElement(By.cssSelector(".adjustment-entry.refused")).getText())
                    .contains("驳回", "原表述准确", "建成区中医医院新院区。");
            assertThat(card.findElement(By.cssSelector(".adjustment-entry.pending .waiting")).getText())
                    .isEqualTo("等待督查室审核。");
            // one adjustment waits: no second request is offered, and the unit does not decide
            assertThat(card.findElements(By.cssSelector("form.ask-adjustment"))).isEmpty();
            assertThat(card.findElements(By.cssSelector("form.decide-adjustment"))).isEmpty();

            PageChecks.assertReadsInChinese(browser.driver(), "task adjustments");
            PageChecks.assertFitsWindow(browser.driver(), "task adjustments");
            PageChecks.assertAccessible(browser.driver(), "task adjustments");
            ((JavascriptExecutor) browser.driver())
                    .executeScript("document.querySelector('.adjustment-card').scrollIntoView()");
            PageChecks.screenshot(browser.driver(), "task-adjustments");

            browser.signIn("supervisor");
            browser.open("/tasks/" + taskId);
            WebElement decide = browser.waitUntil(d -> d.findElements(By.cssSelector(".adjustment-card form.decide-adjustment"))
                    .stream().findFirst().orElse(null));
            decide.findElement(By.name("reason")).sendKeys("同意");
            browser.click(decide.findElement(By.cssSelector("button[value=true]")));
            browser.waitUntil(d -> d.findElements(By.cssSelector(".adjustment-card .adjustment-entry.approved")).size() == 2);
            assertThat(browser.driver().findElements(By.cssSelector(".adjustment-card ins.adjusted")))
                    .extracting(WebElement::getText).containsExactly("2027-06-30", "2027-09-30");
            assertThat(browser.driver().findElement(By.cssSelector(".adjustment-card .due-date-in-force")).getText())
                    .isEqualTo("2027-09-30");
            assertThat(browser.driver().findElement(By.cssSelector(".adjustment-card form.ask-adjustment"))).isNotNull();
        }
    }

    @Test
    void the_adjustment_record_in_english_has_no_chinese_label() {
        try (Browser browser = new Browser(port, Locale.ENGLISH)) {
            browser.signIn("health");
            browser.open("/tasks/" + taskId);
            WebElement card = browser.waitUntil(d -> d.findElements(By.cssSelector(".adjustment-card")).stream()
                    .findFirst().orElse(null));
            assertThat(card.findElement(By.cssSelector("h2")).getText()).isEqualTo("Adjustment record");
            PageChecks.assertNoChineseLabels(browser.driver(), "task adjustments (en)");
            PageChecks.assertFitsWindow(browser.driver(), "task adjustments (en)");
        }
    }

    @Test
    void the_supervisor_asks_for_a_target_adjustment_on_the_plans_target_page_and_decides_it() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("supervisor");
            browser.open("/plans/" + planId + "/targets");
            WebElement first = browser.waitUntil(d -> d.findElements(By.cssSelector("section.indicator-target")).stream()
                    .findFirst().orElse(null));
            String id = first.getAttribute("id");
            first.findElement(By.name("proposedTarget")).sendKeys("不低于99");
            first.findElement(By.name("reason")).sendKeys("按中期评估调整");
            first.findElement(By.cssSelector("form.ask-target button")).click();
            WebElement decide = browser.waitUntil(d -> d.findElements(By.cssSelector("#" + id + " form.decide-adjustment"))
                    .stream().findFirst().orElse(null));
            PageChecks.assertReadsInChinese(browser.driver(), "target adjustments");
            PageChecks.assertAccessible(browser.driver(), "target adjustments");
            decide.findElement(By.name("reason")).sendKeys("同意");
            browser.click(decide.findElement(By.cssSelector("button[value=true]")));
            browser.waitUntil(d -> d.findElements(By.cssSelector("#" + id + " .adjustment-entry.approved")).size() == 1);
            assertThat(browser.driver().findElement(By.cssSelector("#" + id + " .target-in-force")).getText())
                    .isEqualTo("不低于99");
        }
    }

    private ResponseEntity<Map> send(String user, String path, Map body) {
        ResponseEntity<Map> response = http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST,
                new HttpEntity<>(body), Map.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " → " + response.getBody()).isTrue();
        return response;
    }
}
