package org.duban.app.supervision;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.support.Browser;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.EngineClock;
import org.duban.app.support.PageChecks;
import org.duban.app.support.PlanTrees;
import org.duban.app.support.Uploads;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 督办单 page in a real headless Chromium: the unit reads its yellow slip, with the colour and the grade in words,
 * and answers it with a rectification plan from the page; the supervisor finds it in the list and reads its timeline;
 * in English the page shows no Chinese label.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// the unit's inbox is read before the unit answers
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class SupervisionCasePagesIT {
    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    private Browser chinese;
    private Browser english;
    private String caseId;

    @BeforeAll
    void givenANoticeOnATask() {
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        String planId = (String) Uploads.upload(http, "supervisor", "大足区任务分解.csv",
                Uploads.sample("dazu-tcm-task-decomposition-2024.csv"), Uploads.dazuPlan()).getBody().get("planId");
        post("supervisor", "/api/plans/" + planId + "/publication-request", Map.of());
        post("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of());
        List<Map> health = PlanTrees.ledBy(http.withBasicAuth("supervisor", "duban")
                .getForObject("/api/plans/" + planId + "/tree", Map.class), "区卫生健康委");
        caseId = (String) post("supervisor", "/api/supervision/cases", Map.of("taskId", health.get(0).get("taskId"),
                "grade", "NOTICE", "reason", "中医医院新院区建设进度明显滞后，请说明原因并提出整改措施。",
                "answerBy", "2026-10-22")).getBody().get("caseId");
        chinese = new Browser(port);
        english = new Browser(port, Locale.ENGLISH);
    }

    @AfterAll
    void stopBrowsers() {
        EngineClock.resetAndSettle(management);
        for (Browser browser : new Browser[]{chinese, english}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void the_case_waits_in_the_units_inbox_and_leads_to_its_slip() {
        List<Map> inbox = List.of(http.withBasicAuth("health", "duban").getForObject("/api/inbox", Map[].class));
        assertThat(inbox).anySatisfy(item -> assertThat(item).containsEntry("step", "answerNotice")
                .containsEntry("caseId", caseId).containsEntry("leadUnit", "区卫生健康委"));
        chinese.signIn("health");
        chinese.open("/inbox?step=answerNotice");
        WebElement open = chinese.driver().findElement(By.cssSelector("tr.answerNotice a.open"));
        assertThat(open.getText()).isEqualTo("答复督办单");
        assertThat(open.getAttribute("href")).endsWith("/supervision/cases/" + caseId);
    }

    @Test
    @Order(2)
    void the_unit_reads_its_yellow_slip_and_answers_it_with_a_plan() {
        chinese.signIn("health");
        chinese.open("/supervision/cases/" + caseId);
        assertThat(text(chinese, ".slip-title")).contains("黄色", "督办单", "督办通知", "待答复");
        assertThat(chinese.driver().findElement(By.cssSelector(".slip")).getAttribute("class")).contains("slip-NOTICE");
        assertThat(text(chinese, ".reason")).isEqualTo("中医医院新院区建设进度明显滞后，请说明原因并提出整改措施。");
        assertThat(text(chinese, ".answer-by")).isEqualTo("2026-10-22");
        PageChecks.assertMainPageInChinese(chinese.driver(), "supervision case");
        PageChecks.screenshot(chinese.driver(), "supervision-case");

        chinese.driver().findElement(By.id("plan-text")).sendKeys("倒排工期，十二月底前完成主体工程。");
        // a date input's typing order depends on the browser's locale: set the value as the form sends it
        ((JavascriptExecutor) chinese.driver()).executeScript(
                "document.getElementById('plan-deadline').value = '2026-12-31';");
        WebElement submit = chinese.driver().findElement(By.cssSelector("#answer-title + form button[type=submit]"));
        chinese.click(submit);
        chinese.waitUntil(driver -> !driver.findElements(By.id("done")).isEmpty());
        assertThat(text(chinese, "#done")).isEqualTo("已报送整改方案。");
        assertThat(text(chinese, ".stage")).isEqualTo("整改中");
        assertThat(text(chinese, ".deadline")).isEqualTo("2026-12-31");
        assertThat(chinese.driver().findElements(By.id("result-title"))).hasSize(1);
    }

    @Test
    @Order(3)
    void the_supervisor_finds_the_case_in_the_list_and_in_english() {
        chinese.signIn("supervisor");
        chinese.open("/supervision/cases");
        assertThat(chinese.driver().findElements(By.cssSelector("a.case-link[href$='" + caseId + "']"))).hasSize(1);
        PageChecks.assertMainPageInChinese(chinese.driver(), "supervision cases");
        PageChecks.screenshot(chinese.driver(), "supervision-cases");

        english.signIn("supervisor");
        english.open("/supervision/cases/" + caseId);
        assertThat(text(english, ".slip-title")).contains("Yellow", "supervision slip");
        PageChecks.assertNoChineseLabels(english.driver(), "supervision case");
        PageChecks.assertFitsWindow(english.driver(), "supervision case");
        english.open("/supervision/cases");
        PageChecks.assertNoChineseLabels(english.driver(), "supervision cases");
        // a filter the page does not know narrows nothing rather than failing
        assertThat(http.withBasicAuth("supervisor", "duban").getForEntity("/supervision/cases?stage=NONSENSE", String.class)
                .getStatusCode().is2xxSuccessful()).isTrue();
    }

    private static String text(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }
}
