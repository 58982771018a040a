package org.duban.app.home;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page of a unit and of a supervisor, the plan page, the import page, the units pages and the rebuild page
 * in a real headless Chromium: in Chinese every visible text reads as Chinese, fits the 1,366-pixel window and has
 * no serious accessibility violation; in English no label is Chinese and the page fits too.
 */
@DubanIntegrationTest
// its own database: other tests' plans, named in Latin letters or with timers of their own, stay out of its pages
@TestPropertySource(properties = "duban.test.context=workbench-pages")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class WorkbenchPagesIT {
    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    TestRestTemplate http;
    private Browser chinese;
    private Browser english;
    private String planId;
    private String returnedTask;

    /**
     * A plan of our own in execution: published, two of the health commission's tasks acknowledged, 2026-Q4 open,
     * one report submitted and returned.
     */
    @BeforeAll
    void aPlanInExecution() {
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        chinese = new Browser(port);
        english = new Browser(port, Locale.ENGLISH);
        planId = (String) Uploads.upload(http, "supervisor", "大足区任务分解.csv",
                Uploads.sample("dazu-tcm-task-decomposition-2024.csv"), Uploads.dazuPlan()).getBody().get("planId");
        assertThat(post("supervisor", "/api/plans/" + planId + "/publication-request", Map.of()).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(post("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of()).getStatusCode().is2xxSuccessful()).isTrue();
        List<Map> healthTasks = PlanTrees.ledBy(http.withBasicAuth("supervisor", "duban")
                .getForObject("/api/plans/" + planId + "/tree", Map.class), "区卫生健康委");
        returnedTask = (String) healthTasks.get(0).get("taskId");
        String openTask = (String) healthTasks.get(1).get("taskId");
        for (String taskId : List.of(returnedTask, openTask)) {
            assertThat(post("health", "/api/tasks/" + taskId + "/acknowledgement", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        http.withBasicAuth("supervisor", "duban").exchange("/api/plans/" + planId + "/reporting-cadence", HttpMethod.PUT,
                new HttpEntity<>(Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)), Map.class);
        assertThat(post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4")).getBody())
                .containsEntry("reports", 2);
        String q4 = "/api/tasks/" + returnedTask + "/reports/2026-Q4";
        assertThat(post("health", q4 + "/submission", Map.of("narrative", "区中医院二期工程完成主体结构。",
                "status", "IN_PROGRESS", "percent", 60)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("supervisor", q4 + "/review", Map.of("accepted", false, "reason", "缺少资金到位佐证"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @AfterAll
    void stopBrowsers() {
        EngineClock.resetAndSettle(management);
        chinese.close();
        english.close();
    }

    @Test
    void a_unit_sees_on_its_home_what_waits_on_it_and_its_next_deadlines() {
        chinese.signIn("health");
        chinese.open("/");
        assertThat(number(chinese, ".count-returned")).isGreaterThanOrEqualTo(1);
        assertThat(number(chinese, ".count-write")).isGreaterThanOrEqualTo(1);
        assertThat(number(chinese, ".count-acknowledge")).isGreaterThanOrEqualTo(1);
        List<WebElement> deadlines = chinese.driver().findElements(By.cssSelector("table.deadlines tbody tr"));
        assertThat(deadlines).isNotEmpty().hasSizeLessThanOrEqualTo(HomePages.DEADLINES);
        assertThat(deadlines).allSatisfy(row -> assertThat(row.findElement(By.cssSelector("td")).getText())
                .matches("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(text(chinese, ".unit-tasks")).contains("牵头任务").contains("配合任务");
        PageChecks.assertMainPageInChinese(chinese.driver(), "home of a unit");
        PageChecks.screenshot(chinese.driver(), "home-unit");

        english.signIn("health");
        english.open("/");
        assertThat(text(english, "h1")).isEqualTo("Home");
        PageChecks.assertNoChineseLabels(english.driver(), "home of a unit");
        PageChecks.assertFitsWindow(english.driver(), "home of a unit");
    }

    @Test
    void a_supervisor_sees_each_plan_it_supervises_in_numbers_for_the_current_period() {
        chinese.signIn("supervisor");
        chinese.open("/");
        WebElement row = chinese.driver().findElement(By.cssSelector("table.plan-progress tr[data-plan='" + planId + "']"));
        assertThat(row.findElement(By.cssSelector(".tasks")).getText()).isEqualTo("94");
        assertThat(row.findElement(By.cssSelector(".acknowledged")).getText()).isEqualTo("2");
        assertThat(row.findElement(By.cssSelector(".period")).getText()).isEqualTo("2026年第四季度");
        assertThat(row.findElement(By.cssSelector(".with-unit")).getText()).isEqualTo("2");
        assertThat(row.findElement(By.cssSelector(".submitted")).getText()).isEqualTo("0");
        assertThat(row.findElement(By.cssSelector(".accepted")).getText()).isEqualTo("0");
        assertThat(row.findElement(By.cssSelector(".returned")).getText()).isEqualTo("1");
        assertThat(row.findElement(By.cssSelector(".overdue")).getText()).isEqualTo("0");
        PageChecks.assertMainPageInChinese(chinese.driver(), "home of a supervisor");
        PageChecks.screenshot(chinese.driver(), "home-supervisor");

        english.signIn("supervisor");
        english.open("/");
        assertThat(english.driver().findElement(By.cssSelector("tr[data-plan='" + planId + "'] .period")).getText())
                .isEqualTo("Q4 2026");
        PageChecks.assertNoChineseLabels(english.driver(), "home of a supervisor");
        PageChecks.assertFitsWindow(english.driver(), "home of a supervisor");
    }

    @Test
    void an_auditor_finds_the_plans_and_the_audit_trail_from_its_home() {
        chinese.signIn("auditor");
        chinese.open("/");
        assertThat(chinese.driver().findElements(By.cssSelector("table.plans a[href$='/plans/" + planId + "']"))).hasSize(1);
        assertThat(chinese.driver().findElement(By.cssSelector("main a[href$='/audit']")).getText()).isEqualTo("查看审计记录");
        PageChecks.assertReadsInChinese(chinese.driver(), "home of an auditor");
    }

    @Test
    void the_plan_page_offers_the_cadences_periods_in_words_with_the_open_one_marked() {
        chinese.signIn("supervisor");
        chinese.open("/plans/" + planId);
        Select periods = new Select(chinese.driver().findElement(By.cssSelector("form.period select[name=period]")));
        assertThat(periods.getOptions()).hasSize(16);
        assertThat(periods.getOptions()).extracting(option -> option.getAttribute("value"))
                .startsWith("2024-Q1").endsWith("2027-Q4");
        assertThat(periods.getOptions()).extracting(WebElement::getText).contains("2026年第四季度（已开启）", "2027年第一季度");
        assertThat(periods.getFirstSelectedOption().getAttribute("value")).as("today's quarter").isEqualTo("2026-Q4");
        assertThat(text(chinese, ".open-periods")).isEqualTo("2026年第四季度");
        assertThat(text(chinese, "dd.cadence")).startsWith("每季度");
        PageChecks.assertMainPageInChinese(chinese.driver(), "plan");
        PageChecks.screenshot(chinese.driver(), "plan");

        // opening the open quarter again is answered in words, naming the period
        periods.selectByValue("2026-Q4");
        chinese.driver().findElement(By.cssSelector("form.period button")).click();
        assertThat(chinese.waitUntil(d -> d.findElement(By.id("done"))).getText())
                .isEqualTo("已开启2026年第四季度报送期，共 0 项任务，报送期限为 2027-01-11。");

        english.signIn("supervisor");
        english.open("/plans/" + planId);
        assertThat(new Select(english.driver().findElement(By.name("period"))).getOptions())
                .extracting(WebElement::getText).contains("Q4 2026 (open)", "Q1 2027");
        PageChecks.assertNoChineseLabels(english.driver(), "plan");
        PageChecks.assertFitsWindow(english.driver(), "plan");
    }

    @Test
    void the_import_page_shows_a_dry_run_report_in_the_readers_language() throws IOException {
        Path file = Files.createTempFile("大足区任务分解-", ".docx");
        Files.write(file, Uploads.sample("dazu-tcm-task-decomposition-2024.docx"));
        for (Browser browser : List.of(chinese, english)) {
            browser.signIn("supervisor");
            browser.open("/plans/import");
            browser.driver().findElement(By.name("file")).sendKeys(file.toString());
            browser.driver().findElement(By.name("title")).sendKeys("大足区任务分解（检查）");
            browser.driver().findElement(By.name("issuer")).sendKeys("重庆市大足区人民政府办公室");
            browser.driver().findElement(By.name("startYear")).sendKeys("2024");
            browser.driver().findElement(By.name("endYear")).sendKeys("2027");
            browser.driver().findElement(By.cssSelector("button[name=dryRun][value=true]")).click();
            String tasks = browser.waitUntil(d -> {
                List<WebElement> count = d.findElements(By.cssSelector("#report .task-count"));
                return count.isEmpty() ? null : count.get(0).getText();
            });
            assertThat(tasks).isEqualTo("94");
        }
        assertThat(text(chinese, "#report h2")).isEqualTo("检查通过，可以导入");
        PageChecks.assertMainPageInChinese(chinese.driver(), "import");
        PageChecks.screenshot(chinese.driver(), "import");
        assertThat(text(english, "#report h2")).isEqualTo("Check passed: ready to import");
        PageChecks.assertNoChineseLabels(english.driver(), "import");
        PageChecks.assertFitsWindow(english.driver(), "import");
        Files.delete(file);
    }

    @Test
    void the_units_and_a_units_tasks_read_in_either_language() {
        chinese.signIn("health");
        chinese.open("/units");
        assertThat(chinese.driver().findElements(By.cssSelector("table.units tbody tr"))).isNotEmpty();
        PageChecks.assertMainPageInChinese(chinese.driver(), "units");
        PageChecks.screenshot(chinese.driver(), "units");
        chinese.driver().findElement(By.linkText("区卫生健康委")).click();
        chinese.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("区卫生健康委"));
        assertThat(chinese.driver().findElements(By.cssSelector("table.lead tbody tr a[href$='/tasks/" + returnedTask + "']")))
                .hasSize(1);
        PageChecks.assertMainPageInChinese(chinese.driver(), "tasks of a unit");

        english.signIn("health");
        english.open("/units");
        PageChecks.assertNoChineseLabels(english.driver(), "units");
        PageChecks.assertFitsWindow(english.driver(), "units");
        english.driver().findElement(By.linkText("区卫生健康委")).click();
        english.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("区卫生健康委"));
        PageChecks.assertNoChineseLabels(english.driver(), "tasks of a unit");
        PageChecks.assertFitsWindow(english.driver(), "tasks of a unit");
    }

    @Test
    void the_rebuild_page_names_the_views_in_words() {
        chinese.signIn("admin");
        chinese.open("/admin/projections");
        assertThat(chinese.driver().findElement(By.cssSelector("tr[data-projection='plan-tree'] td.name")).getText())
                .isEqualTo("规划任务分解");
        PageChecks.assertMainPageInChinese(chinese.driver(), "rebuild");

        english.signIn("admin");
        english.open("/admin/projections");
        assertThat(english.driver().findElement(By.cssSelector("tr[data-projection='plan-tree'] td.name")).getText())
                .isEqualTo("Plan sections and tasks");
        PageChecks.assertNoChineseLabels(english.driver(), "rebuild");
        PageChecks.assertFitsWindow(english.driver(), "rebuild");
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }

    private static String text(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    private static int number(Browser browser, String css) {
        return Integer.parseInt(text(browser, css));
    }
}
