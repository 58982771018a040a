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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * 我的待办 in a real headless Chromium. The health commission has work in every group: the acknowledgements of a
 * plan published two weeks ago are overdue, those of a plan published on Monday are due within three working days,
 * the quarter's report the supervisor returned waits to be written again, and another report and its co-unit steps
 * are new. It groups, filters by plan, kind of step and period, pages, and counts in the navigation.
 */
@DubanIntegrationTest
// its own database: other tests' plans, named in Latin letters or with timers of their own, stay out of its pages
@TestPropertySource(properties = "duban.test.context=inbox-pages")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class InboxPagesIT {
    private static final String REASON = "缺少资金到位佐证，请补充区财政拨付文件和项目进度照片，并说明滞后原因";
    private static final String REASON_START = "缺少资金到位佐证，请补充区财政拨付文件和…";
    private static final String SECOND_TITLE = "大足区中医药传承创新发展示范试点项目任务分解";

    @LocalServerPort
    int port;
    @Autowired
    ManagementService management;
    @Autowired
    TestRestTemplate http;
    private Browser browser;
    private String olderPlan;
    private String newerPlan;
    private String returnedTask;
    private String openTask;

    @BeforeAll
    void givenAUnitWithWorkInEveryGroup() {
        // published on Thursday 15 October: acknowledge within five working days, by the 22nd
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        olderPlan = publishedPlan(dazuPlan());
        List<Map> healthTasks = PlanTrees.ledBy(get("supervisor", "/api/plans/" + olderPlan + "/tree"), "区卫生健康委");
        returnedTask = (String) healthTasks.get(0).get("taskId");
        openTask = (String) healthTasks.get(1).get("taskId");
        // its report waits on the supervisors' review
        String submittedTask = (String) healthTasks.get(2).get("taskId");
        for (String taskId : List.of(returnedTask, openTask, submittedTask)) {
            assertThat(post("health", "/api/tasks/" + taskId + "/acknowledgement", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        http.withBasicAuth("supervisor", "duban").exchange("/api/plans/" + olderPlan + "/reporting-cadence", HttpMethod.PUT,
                new HttpEntity<>(Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)), Map.class);
        assertThat(post("supervisor", "/api/plans/" + olderPlan + "/reporting-periods", Map.of("period", "2026-Q4")).getBody())
                .containsEntry("reports", 3);
        assertThat(post("health", "/api/tasks/" + submittedTask + "/reports/2026-Q4/submission", Map.of("narrative",
                "中医药文化宣传进社区已开展三场。", "status", "IN_PROGRESS", "percent", 30)).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        String report = "/api/tasks/" + returnedTask + "/reports/2026-Q4";
        assertThat(post("health", report + "/submission", Map.of("narrative", "区中医院二期工程完成主体结构。",
                "status", "IN_PROGRESS", "percent", 60)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("supervisor", report + "/review", Map.of("accepted", false, "reason", REASON)).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // published on Monday 26 October: to be acknowledged by Monday 2 November
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 26)));
        Map<String, String> second = dazuPlan();
        second.put("title", SECOND_TITLE);
        newerPlan = publishedPlan(second);

        // today is Wednesday 28 October
        // the timers due by then fire before the tests read
        EngineClock.setAndSettle(management, WorkflowClock.startOf(LocalDate.of(2026, 10, 28)));
        browser = new Browser(port);
        browser.signIn("health");
    }

    @AfterAll
    void stopBrowser() {
        EngineClock.resetAndSettle(management);
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void the_api_puts_each_step_in_its_group() {
        assertThat(inbox("health", "?plan=" + olderPlan + "&step=acknowledgeTask")).isNotEmpty()
                .allSatisfy(item -> assertThat(item).containsEntry("group", "OVERDUE"));
        assertThat(inbox("health", "?plan=" + newerPlan + "&step=acknowledgeTask")).isNotEmpty()
                .allSatisfy(item -> assertThat(item).containsEntry("group", "DUE_SOON"));
        List<Map> reports = inbox("health", "?plan=" + olderPlan + "&step=writeReport&period=2026-Q4");
        assertThat(reports).extracting(item -> item.get("taskId"), item -> item.get("group"), item -> item.get("returnReason"))
                .containsExactly(tuple(returnedTask, "RETURNED", REASON),
                        tuple(openTask, "NEW", null));
        assertThat(inbox("health", "?plan=" + olderPlan + "&group=RETURNED")).extracting(item -> item.get("taskId"))
                .containsExactly(returnedTask);
        // old fields are kept
        assertThat(reports.get(0)).containsKeys("userTaskId", "step", "stepName", "taskId", "period", "planId",
                "planTitle", "number", "code", "text", "leadUnit", "due", "created");
    }

    @Test
    void the_counts_are_the_inbox_grouped_for_the_unit_and_for_the_supervisors_of_the_plans_office() {
        // the counts are tallied in the database; they must be what the listed inbox shows, group by group
        for (String user : List.of("health", "supervisor")) {
            List<Map> items = inbox(user, "");
            assertThat(items).as(user).isNotEmpty();
            Map counts = get(user, "/api/inbox/counts");
            assertThat((Integer) counts.get("total")).as(user).isEqualTo(items.size());
            for (Inbox.Group group : Inbox.Group.values()) {
                assertThat(countOf(counts, group.name())).as(user + " " + group)
                        .isEqualTo((int) items.stream().filter(item -> group.name().equals(item.get("group"))).count());
            }
        }
        // a supervisor of another office has none of these plans' steps, listed or counted
        assertThat(inbox("citysupervisor", "")).isEmpty();
        assertThat(get("citysupervisor", "/api/inbox/counts")).containsEntry("total", 0);
    }

    @Test
    void the_api_reads_a_long_inbox_in_windows_that_add_up_to_the_whole_in_its_order() {
        for (String user : List.of("health", "supervisor")) {
            for (String filter : List.of("", "plan=" + newerPlan + "&")) {
                ResponseEntity<Map[]> whole = http.withBasicAuth(user, "duban")
                        .getForEntity("/api/inbox?" + filter, Map[].class);
                List<Map> items = List.of(whole.getBody());
                if (filter.isEmpty()) {
                    assertThat(items).as(user).hasSizeGreaterThan(user.equals("health") ? 7 : 0);
                }
                assertThat(whole.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(items.size()));

                int limit = Math.max(1, Math.min(7, items.size() / 2));
                List<Map> windows = new ArrayList<>();
                for (int offset = 0; offset < items.size(); offset += limit) {
                    ResponseEntity<Map[]> window = http.withBasicAuth(user, "duban").getForEntity(
                            "/api/inbox?" + filter + "offset=" + offset + "&limit=" + limit, Map[].class);
                    assertThat(window.getBody().length).isEqualTo(Math.min(limit, items.size() - offset));
                    assertThat(window.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(items.size()));
                    windows.addAll(List.of(window.getBody()));
                }
                // every field, the task's words too, as the whole inbox gives them
                assertThat(windows).as(user + " " + filter).containsExactlyElementsOf(items);
                assertThat(windows).filteredOn(item -> item.get("taskId") != null)
                        .allSatisfy(item -> assertThat(item.get("text")).isNotNull());
                assertThat(inbox(user, "?" + filter + "offset=" + items.size())).isEmpty();
            }
        }
        assertThat(inbox("health", "?limit=3")).hasSize(3);
    }

    @Test
    void a_window_the_api_cannot_give_is_refused_by_naming_its_parameter() {
        for (String query : List.of("offset=-1", "limit=0", "limit=1001", "limit=many", "offset=1.5&limit=3")) {
            ResponseEntity<Map> refused = http.withBasicAuth("health", "duban").getForEntity("/api/inbox?" + query,
                    Map.class);
            assertThat(refused.getStatusCode().value()).as(query).isEqualTo(400);
            assertThat((String) refused.getBody().get("detail")).as(query)
                    .contains(query.startsWith("offset") ? "offset" : "limit");
        }
    }

    @Test
    void the_unit_finds_its_work_most_urgent_first_with_counts_per_group() {
        browser.open("/inbox");
        List<WebElement> rows = rows();
        assertThat(rows).hasSize(InboxPages.PAGE_SIZE);
        List<String> groups = rows.stream().map(InboxPagesIT::group).toList();
        assertThat(groups.get(0)).isEqualTo("OVERDUE");
        assertThat(groups).isSortedAccordingTo((a, b) -> Inbox.Group.valueOf(a).compareTo(Inbox.Group.valueOf(b)));
        assertThat(rows.get(0).findElement(By.cssSelector(".group .badge")).getText()).isEqualTo("逾期");
        assertThat(rows.get(0).findElement(By.cssSelector(".group .badge")).getAttribute("class")).contains("text-bg-danger");

        // the counts of every group, on the page and in the navigation, as the API counts them
        Map counts = get("health", "/api/inbox/counts");
        for (Map count : (List<Map>) counts.get("groups")) {
            String group = (String) count.get("group");
            String shown = browser.driver().findElement(By.cssSelector(".inbox-groups .group-" + group + " .count")).getText();
            assertThat(shown).as(group).isEqualTo(String.valueOf(count.get("count")));
            assertThat((Integer) count.get("count")).as(group).isPositive();
            assertThat(navCount(group)).as(group).isEqualTo(String.valueOf(count.get("count")));
        }
        assertThat(browser.driver().findElement(By.cssSelector(".nav-inbox .group-OVERDUE .visually-hidden"))
                .getAttribute("textContent")).isEqualTo("逾期 " + countOf(counts, "OVERDUE") + " 项");
        assertThat(text(".inbox-total")).isEqualTo("共 " + counts.get("total") + " 项");

        PageChecks.assertMainPageInChinese(browser.driver(), "inbox");
        PageChecks.screenshot(browser.driver(), "inbox");
    }

    @Test
    void a_returned_report_is_its_own_group_with_the_first_words_of_the_reason() {
        browser.open("/inbox");
        click(".inbox-groups .group-RETURNED");
        List<WebElement> rows = rows();
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(group(row)).isEqualTo("RETURNED"));
        WebElement returned = row(rows, returnedTask, "writeReport");
        assertThat(returned.findElement(By.cssSelector(".group .badge")).getText()).isEqualTo("已退回");
        WebElement reason = returned.findElement(By.cssSelector(".return-reason .reason"));
        assertThat(reason.getText()).isEqualTo(REASON_START);
        assertThat(reason.getAttribute("title")).isEqualTo(REASON);
        assertThat(returned.findElement(By.cssSelector(".return-reason")).getText()).startsWith("退回理由：");
        assertThat(returned.findElement(By.cssSelector("a.open")).getText()).isEqualTo("填报进展");
    }

    @Test
    void the_unit_narrows_its_inbox_by_plan_kind_of_step_and_period() {
        browser.open("/inbox");
        choose("plan", olderPlan);
        choose("step", "writeReport");
        new Select(browser.driver().findElement(By.id("filter-period"))).selectByVisibleText("2026年第四季度");
        click(".inbox-filter button[type=submit]");

        List<WebElement> rows = rows();
        assertThat(rows).hasSize(2);
        assertThat(taskOf(rows.get(0))).isEqualTo(returnedTask);
        assertThat(group(rows.get(0))).isEqualTo("RETURNED");
        assertThat(taskOf(rows.get(1))).isEqualTo(openTask);
        assertThat(group(rows.get(1))).isEqualTo("NEW");
        assertThat(rows.get(1).findElement(By.cssSelector(".group .badge")).getText()).isEqualTo("新");
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.findElement(By.cssSelector(".period")).getText()).isEqualTo("2026年第四季度");
            assertThat(row.findElement(By.cssSelector(".due")).getText()).isEqualTo("2027-01-11");
        });
        assertThat(text(".matched")).isEqualTo("符合筛选条件的 2 项");
        // the filter stays chosen, and is cleared in one step
        assertThat(new Select(browser.driver().findElement(By.id("filter-step"))).getFirstSelectedOption().getText())
                .isEqualTo("填报进展");
        click("a.clear");
        assertThat(rows()).hasSize(InboxPages.PAGE_SIZE);

        // the newer plan: only its acknowledgements and its co-unit confirmations, both due on the acknowledgement date
        // within three working days, the plan's title on one line
        browser.open("/inbox");
        choose("plan", newerPlan);
        click(".inbox-filter button[type=submit]");
        List<WebElement> newer = rows();
        assertThat(newer).isNotEmpty().allSatisfy(row -> {
            assertThat(group(row)).isEqualTo("DUE_SOON");
            assertThat(row.findElement(By.cssSelector(".group .badge")).getText()).isEqualTo("三个工作日内到期");
            assertThat(row.findElement(By.cssSelector("a.open")).getText()).isIn("签收任务", "知悉配合任务");
            assertThat(row.findElement(By.cssSelector(".due")).getText()).isEqualTo("2026-11-02");
            WebElement title = row.findElement(By.cssSelector(".plan a"));
            assertThat(title.getAttribute("title")).isEqualTo(SECOND_TITLE);
            assertThat(title.getSize().getHeight()).as("the plan's title on one line").isLessThan(30);
        });
    }

    @Test
    void a_long_inbox_is_paged() {
        int waiting = inbox("health", "?plan=" + newerPlan).size();
        int pages = (waiting + InboxPages.PAGE_SIZE - 1) / InboxPages.PAGE_SIZE;
        assertThat(pages).isGreaterThan(1);
        browser.open("/inbox?plan=" + newerPlan);
        assertThat(rows()).hasSize(InboxPages.PAGE_SIZE);
        assertThat(browser.driver().findElements(By.cssSelector(".inbox-pages .page-link[aria-label]"))).hasSize(pages);
        assertThat(browser.driver().findElement(By.cssSelector(".inbox-pages .page-item:first-child")).getAttribute("class"))
                .contains("disabled");
        List<String> firstPage = rows().stream().map(InboxPagesIT::taskOf).toList();

        // the link to the next page keeps the filter
        browser.driver().get(browser.driver().findElement(By.cssSelector(".inbox-pages a.next")).getAttribute("href"));
        assertThat(browser.driver().getCurrentUrl()).contains("plan=" + newerPlan).contains("page=2");
        assertThat(rows()).extracting(InboxPagesIT::taskOf).doesNotContainAnyElementsOf(firstPage);
        browser.open("/inbox?plan=" + newerPlan + "&page=" + pages);
        assertThat(rows()).hasSize(waiting - (pages - 1) * InboxPages.PAGE_SIZE);
        assertThat(browser.driver().findElement(By.cssSelector(".inbox-pages .page-item:last-child")).getAttribute("class"))
                .contains("disabled");
        assertThat(text(".inbox-pages .page-item.active")).isEqualTo(String.valueOf(pages));
    }

    @Test
    void every_page_shows_the_inbox_counts_in_the_navigation_and_a_reader_without_an_inbox_none() {
        Map counts = get("health", "/api/inbox/counts");
        browser.open("/");
        assertThat(navCount("OVERDUE")).isEqualTo(String.valueOf(countOf(counts, "OVERDUE")));
        assertThat(navCount("DUE_SOON")).isEqualTo(String.valueOf(countOf(counts, "DUE_SOON")));

        try (Browser auditor = new Browser(port)) {
            auditor.signIn("auditor");
            auditor.open("/");
            assertThat(auditor.driver().findElements(By.cssSelector(".nav-inbox .inbox-count"))).isEmpty();
        }
    }

    @Test
    void the_english_inbox_has_no_chinese_label_and_fits_the_window() {
        try (Browser english = new Browser(port, Locale.ENGLISH)) {
            english.signIn("health");
            english.open("/inbox?plan=" + olderPlan + "&step=writeReport");
            WebElement returned = english.waitUntil(d -> d.findElements(By.cssSelector("table.inbox tr.group-RETURNED"))
                    .stream().findFirst().orElse(null));
            assertThat(returned.findElement(By.cssSelector(".group .badge")).getText()).isEqualTo("Returned");
            assertThat(returned.findElement(By.cssSelector(".period")).getText()).isEqualTo("Q4 2026");
            assertThat(returned.findElement(By.cssSelector("a.open")).getText()).isEqualTo("Write report");
            PageChecks.assertNoChineseLabels(english.driver(), "inbox (en)");
            PageChecks.assertFitsWindow(english.driver(), "inbox (en)");
            english.open("/inbox");
            PageChecks.assertNoChineseLabels(english.driver(), "inbox (en)");
            PageChecks.assertFitsWindow(english.driver(), "inbox (en)");
        }
    }

    private String publishedPlan(Map<String, String> fields) {
        String planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                fields).getBody().get("planId");
        assertThat(post("supervisor", "/api/plans/" + planId + "/publication-request", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(post("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        return planId;
    }

    private List<WebElement> rows() {
        browser.waitUntil(d -> !d.findElements(By.cssSelector("table.inbox tbody")).isEmpty());
        return browser.driver().findElements(By.cssSelector("table.inbox tbody tr.item"));
    }

    private static WebElement row(List<WebElement> rows, String taskId, String step) {
        return rows.stream().filter(row -> row.getAttribute("class").contains(step) && taskId.equals(taskOf(row)))
                .findFirst().orElseThrow(() -> new AssertionError(step + " of " + taskId + " is not listed"));
    }

    private static String taskOf(WebElement row) {
        String href = row.findElement(By.cssSelector("a.open")).getAttribute("href");
        return href.replaceAll(".*/tasks/([^/#?]+).*", "$1");
    }

    private static String group(WebElement row) {
        return row.getAttribute("class").replaceAll(".*\\bgroup-([A-Z_]+).*", "$1");
    }

    private String navCount(String group) {
        return browser.driver().findElement(By.cssSelector(".nav-inbox .inbox-count.group-" + group + " [aria-hidden]"))
                .getAttribute("textContent");
    }

    private static int countOf(Map counts, String group) {
        return ((List<Map>) counts.get("groups")).stream().filter(count -> group.equals(count.get("group")))
                .mapToInt(count -> (Integer) count.get("count")).sum();
    }

    private void choose(String field, String value) {
        new Select(browser.driver().findElement(By.id("filter-" + field))).selectByValue(value);
    }

    private void click(String css) {
        WebElement target = browser.driver().findElement(By.cssSelector(css));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", target);
        target.click();
        browser.waitUntil(ExpectedConditions.stalenessOf(target)::apply);
    }

    private String text(String css) {
        return browser.waitUntil(d -> d.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText)
                .orElse(null));
    }

    private List<Map> inbox(String user, String query) {
        return List.of(http.withBasicAuth(user, "duban").getForObject("/api/inbox" + query, Map[].class));
    }

    private Map get(String user, String path) {
        return http.withBasicAuth(user, "duban").getForObject(path, Map.class);
    }

    private ResponseEntity<Map> post(String user, String path, Object body) {
        return http.withBasicAuth(user, "duban").postForEntity(path, body, Map.class);
    }
}
