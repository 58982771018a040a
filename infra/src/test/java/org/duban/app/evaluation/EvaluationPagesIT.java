package org.duban.app.evaluation;

import org.axonframework.eventhandling.GenericEventMessage;
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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.publishedDazuPlan;

/**
 * The evaluation pages in a real headless Chromium, on a round of two tasks (one of 区卫生健康委, one of 区市场监管局):
 * 区卫生健康委 finds its self-assessment in the inbox and submits it on the round's page (区市场监管局 has through the
 * API); the evaluator finds the scoring step in the inbox, scores both tasks on the scoring page and hands in; the supervisor finishes calibration and publishes the results from the round's page and
 * reads them with their charts, in Chinese and in English.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SuppressWarnings({"rawtypes", "unchecked"})
class EvaluationPagesIT {
    private static final Clock EVENT_CLOCK = Clock.tickMillis(ZoneOffset.UTC);

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    ManagementService management;
    private Browser chinese;
    private Browser english;
    private String planId;
    private String roundId;
    private String health;
    private String market;

    @BeforeAll
    void givenARoundWhoseUnitsHaveAssessedThemselves() {
        at(LocalDate.of(2026, 6, 10));
        planId = publishedDazuPlan(http);
        Map tree = http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree", Map.class);
        health = (String) PlanTrees.ledBy(tree, "区卫生健康委").get(0).get("taskId");
        market = (String) PlanTrees.ledBy(tree, "区市场监管局").get(0).get("taskId");
        at(LocalDate.of(2026, 7, 1));
        Map<String, Object> opening = new LinkedHashMap<>();
        opening.put("planId", planId);
        opening.put("kind", "MID_TERM");
        opening.put("title", "中医药发展规划中期评估");
        opening.put("cutOff", "2026-06-30");
        opening.put("scope", Map.of("taskIds", List.of(health, market)));
        opening.put("deadlines", Map.of("selfAssessmentDue", "2026-07-10", "scoringDue", "2026-07-20",
                "calibrationDue", "2026-07-25", "publicationDue", "2026-07-31"));
        opening.put("blind", true);
        opening.put("evaluators", List.of(Map.of("username", "supervisor", "displayName", "王五",
                "kind", "SUPERVISOR_STAFF", "organisation", "区政府督查室")));
        roundId = (String) post("supervisor", "/api/evaluation/rounds", opening).getBody().get("roundId");
        Map round = http.withBasicAuth("supervisor", "duban").getForObject(round(""), Map.class);
        for (Map item : (List<Map>) round.get("items")) {
            if (item.get("itemId").equals(health)) {
                continue; // 区卫生健康委 assesses itself on the page
            }
            String unitId = (String) ((Map) item.get("unit")).get("unitId");
            String user = "market";
            ResponseEntity<Map> done = post(user, round("/self-assessments/" + unitId), Map.of("entries", List.of(Map.of(
                    "itemId", item.get("itemId"), "score", 85, "narrative", "按计划推进，佐证材料已上传。",
                    "evidence", List.of()))));
            assertThat(done.getStatusCode().is2xxSuccessful()).as(String.valueOf(done.getBody())).isTrue();
        }
        chinese = new Browser(port);
        english = new Browser(port, Locale.ENGLISH);
    }

    @AfterAll
    void stopBrowsersAndResetClocks() {
        GenericEventMessage.clock = EVENT_CLOCK;
        EngineClock.resetAndSettle(management);
        for (Browser browser : new Browser[]{chinese, english}) {
            if (browser != null) {
                browser.close();
            }
        }
    }

    @Test
    @Order(1)
    void a_unit_finds_its_self_assessment_in_the_inbox_and_submits_it_on_the_rounds_page() {
        chinese.signIn("health");
        chinese.open("/inbox?step=selfAssess");
        WebElement open = chinese.driver().findElement(By.cssSelector("tr.selfAssess a.open"));
        assertThat(open.getText()).isEqualTo("报送自评");
        assertThat(open.getAttribute("href")).endsWith("/evaluation/rounds/" + roundId);
        chinese.click(open);
        chinese.waitUntil(driver -> !driver.findElements(By.id("self-title")).isEmpty());
        assertThat(chinese.driver().findElements(By.cssSelector(".self-entry"))).hasSize(1);
        PageChecks.assertMainPageInChinese(chinese.driver(), "evaluation self-assessment");
        PageChecks.screenshot(chinese.driver(), "evaluation-self-assessment");
        chinese.driver().findElement(By.id("score-" + health)).sendKeys("85");
        chinese.driver().findElement(By.id("narrative-" + health)).sendKeys("新院区主体工程已完工，佐证材料已上传。");
        chinese.click(chinese.driver().findElement(By.cssSelector("#self-title ~ form button[type=submit]")));
        chinese.waitUntil(driver -> !driver.findElements(By.id("done")).isEmpty());
        assertThat(text(chinese, "#done")).isEqualTo("已报送自评。");
        assertThat(chinese.driver().findElements(By.id("self-title"))).isEmpty();
        assertThat(chinese.driver().findElements(By.cssSelector(".sheet th")))
                .as("a unit does not see the evaluators' scores").hasSize(3);
    }

    @Test
    @Order(2)
    void the_supervisor_finds_the_round_in_the_list_and_on_its_page() {
        chinese.signIn("supervisor");
        chinese.open("/evaluation/rounds?plan=" + planId);
        assertThat(chinese.driver().findElements(By.cssSelector("a.round-link[href$='" + roundId + "']"))).hasSize(1);
        assertThat(chinese.driver().findElements(By.id("open-title"))).hasSize(1);
        PageChecks.assertMainPageInChinese(chinese.driver(), "evaluation rounds");
        PageChecks.screenshot(chinese.driver(), "evaluation-rounds");

        chinese.open("/evaluation/rounds/" + roundId);
        assertThat(text(chinese, ".round-phase")).isEqualTo("评估评分");
        assertThat(text(chinese, ".phase-step.state-current")).contains("评估评分");
        assertThat(chinese.driver().findElements(By.cssSelector("tr.unit .state")))
                .extracting(WebElement::getText).containsOnly("已报送");
        PageChecks.assertMainPageInChinese(chinese.driver(), "evaluation round");
    }

    @Test
    @Order(3)
    void the_evaluator_scores_the_tasks_on_the_scoring_page_and_hands_in() {
        chinese.signIn("supervisor");
        chinese.open("/inbox?step=scoreRound");
        WebElement open = chinese.driver().findElement(By.cssSelector("tr.scoreRound a.open"));
        assertThat(open.getText()).isEqualTo("评分");
        assertThat(open.getAttribute("href")).endsWith("/evaluation/rounds/" + roundId + "/scoring");
        chinese.click(open);
        chinese.waitUntil(driver -> driver.getCurrentUrl().endsWith("/scoring"));
        assertThat(text(chinese, "#item-" + health + " .self")).contains("85.00", "新院区主体工程已完工");

        score(health, Map.of("completion", "90", "quality", "80", "timeliness", "100", "attainment", "70"));
        assertThat(text(chinese, "#done")).isEqualTo("已保存评分。");
        assertThat(text(chinese, "#item-" + health + " .scored")).isEqualTo("已评分 85.50");
        score(market, Map.of("completion", "60", "quality", "50", "timeliness", "50", "attainment", "40"));
        assertThat(text(chinese, "#item-" + market + " .scored")).isEqualTo("已评分 52.50");
        assertThat(text(chinese, ".summary")).isEqualTo("您已为 2 个事项评分，共 2 个事项。");
        PageChecks.assertMainPageInChinese(chinese.driver(), "evaluation scoring");
        ((JavascriptExecutor) chinese.driver()).executeScript("window.scrollTo(0, 0);");
        PageChecks.screenshot(chinese.driver(), "evaluation-scoring");

        chinese.click(chinese.driver().findElement(By.id("hand-in-button")));
        chinese.waitUntil(driver -> !driver.findElements(By.id("done")).isEmpty());
        assertThat(text(chinese, "#done")).isEqualTo("已提交评分。");
        assertThat(text(chinese, ".round-phase")).isEqualTo("校准");
    }

    @Test
    @Order(4)
    void the_supervisor_finishes_calibration_and_publishes_the_results_from_the_page() {
        chinese.signIn("supervisor");
        chinese.open("/evaluation/rounds/" + roundId);
        assertThat(text(chinese, "tr.sheet-row[data-item='" + health + "'] .current")).isEqualTo("85.50");
        PageChecks.screenshot(chinese.driver(), "evaluation-round");
        chinese.click(chinese.driver().findElement(By.cssSelector("#calibrate-title ~ form:last-of-type button")));
        chinese.waitUntil(driver -> !driver.findElements(By.id("done")).isEmpty());
        assertThat(text(chinese, "#done")).isEqualTo("校准完毕，可以发布结果。");

        chinese.click(chinese.driver().findElement(By.id("publish-button")));
        chinese.waitUntil(driver -> driver.getCurrentUrl().endsWith("/results"));
        assertThat(text(chinese, "#done")).isEqualTo("评估结果已发布。");
        List<WebElement> ranking = chinese.driver().findElements(By.cssSelector("tr.unit-result"));
        assertThat(ranking).extracting(row -> row.findElement(By.cssSelector(".name")).getText())
                .containsExactly("区卫生健康委", "区市场监管局");
        assertThat(ranking).extracting(row -> row.findElement(By.cssSelector(".grade")).getText())
                .containsExactly("良", "差");
        assertThat(chinese.driver().findElements(By.cssSelector("#ranking-chart g.bar"))).hasSize(2);
        assertThat(chinese.driver().findElements(By.cssSelector("#grade-chart g.bar"))).hasSize(4);
        assertThat(text(chinese, ".no-previous")).contains("此前没有发布过评估结果");
        PageChecks.assertMainPageInChinese(chinese.driver(), "evaluation results");
        PageChecks.screenshot(chinese.driver(), "evaluation-results");
    }

    @Test
    @Order(5)
    void the_results_and_the_round_read_in_english() {
        english.signIn("supervisor");
        english.open("/evaluation/rounds/" + roundId + "/results");
        assertThat(text(english, "#ranking-title")).isEqualTo("Ranking of the units");
        PageChecks.assertNoChineseLabels(english.driver(), "evaluation results");
        PageChecks.assertFitsWindow(english.driver(), "evaluation results");
        english.open("/evaluation/rounds/" + roundId);
        PageChecks.assertNoChineseLabels(english.driver(), "evaluation round");
        english.open("/evaluation/rounds");
        PageChecks.assertNoChineseLabels(english.driver(), "evaluation rounds");
    }

    private void score(String itemId, Map<String, String> criteria) {
        WebElement card = chinese.driver().findElement(By.id("item-" + itemId));
        criteria.forEach((code, value) -> {
            WebElement input = card.findElement(By.cssSelector("input[data-criterion='" + code + "']"));
            input.clear();
            input.sendKeys(value);
        });
        card.findElement(By.cssSelector("input.comment")).sendKeys("依据自评和佐证材料评分");
        chinese.click(card.findElement(By.cssSelector("button.save-score")));
        chinese.waitUntil(driver -> !driver.findElements(By.id("done")).isEmpty());
    }

    private String round(String path) {
        return "/api/evaluation/rounds/" + roundId + path;
    }

    private static String text(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
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
