package org.duban.app.supervision.dashboard;

import org.axonframework.eventhandling.gateway.EventGateway;
import org.camunda.bpm.engine.ManagementService;
import org.duban.app.support.Browser;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.EngineClock;
import org.duban.app.support.PageChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The supervisor's dashboard of the Dazu plan in a real headless Chromium (see {@link DashboardScenario}): the charts
 * are drawn with the counts of the events, the tables under them say the same, a click on a bar or a card opens the
 * list behind it, and the pages read in one language each, fit the window and pass axe.
 */
@DubanIntegrationTest
@TestPropertySource(properties = "duban.test.context=dashboards")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class DashboardPagesIT {
    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    EventGateway events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;
    private DashboardScenario plan;
    private Browser browser;

    @BeforeAll
    void givenThePlan() {
        plan = DashboardScenario.build(http, events, transactions, jdbc, "大足区中医药传承创新发展实施方案（看板页面）");
        browser = new Browser(port);
        browser.signIn("supervisor");
    }

    @AfterAll
    void stop() {
        EngineClock.resetAndSettle(management);
        if (browser != null) {
            browser.close();
        }
    }

    private String dashboard() {
        return "/plans/" + plan.planId + "/dashboard";
    }

    private void openDashboard(Browser in) {
        in.open(dashboard());
        in.waitUntil(d -> d.findElements(By.cssSelector("[data-chart]")).stream()
                .allMatch(chart -> "true".equals(chart.getAttribute("data-drawn"))));
    }

    private Object script(String js, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(js, arguments);
    }

    private String text(String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    @Test
    void the_charts_are_drawn_with_the_counts_of_the_events() {
        openDashboard(browser);
        // the stacked bars by unit: the health commission's green and red
        Map units = (Map) script("""
                const option = echarts.getInstanceByDom(document.getElementById('chart-units')).getOption();
                const row = option.yAxis[0].data.indexOf(arguments[0]);
                const out = {};
                option.series.forEach(s => out[s.name] = s.data[row]);
                return out;""", DashboardScenario.HEALTH);
        assertThat(units).containsEntry("绿灯", 1L).containsEntry("黄灯", 0L).containsEntry("红灯", 2L);
        // the donut of open notices by grade, and the bars of their ages
        List<Map> grades = (List<Map>) script("return echarts.getInstanceByDom(document.getElementById('chart-grades'))"
                + ".getOption().series[0].data.map(d => ({name: d.name, value: d.value}));");
        assertThat(grades).extracting(grade -> grade.get("name") + "=" + grade.get("value"))
                .containsExactly("提醒=1", "督办通知=1", "挂牌督办=1");
        assertThat((List) script("return echarts.getInstanceByDom(document.getElementById('chart-ages'))"
                + ".getOption().series[0].data;")).containsExactly(1L, 1L, 1L);
        // the sections' bars add up to every task of the plan
        Number sections = (Number) script("""
                const option = echarts.getInstanceByDom(document.getElementById('chart-sections')).getOption();
                return option.series.reduce((sum, s) => sum + s.data.reduce((a, b) => a + b, 0), 0);""");
        assertThat(sections.intValue()).isEqualTo(plan.taskCount);

        // the cards and the tables under the charts say the same
        assertThat(text(".card-tasks .count")).isEqualTo(String.valueOf(plan.taskCount));
        assertThat(text(".card-GREEN .count")).isEqualTo("1");
        assertThat(text(".card-RED .count")).isEqualTo("2");
        assertThat(text(".card-UNASSESSED .count")).isEqualTo(String.valueOf(plan.taskCount - 3));
        assertThat(text(".card-overdue .count")).isEqualTo("2");
        assertThat(text(".card-notices .count")).isEqualTo("3");
        WebElement healthRow = browser.driver().findElement(By.cssSelector("table.by-unit tr[data-key='"
                + plan.healthUnitId + "']"));
        assertThat(healthRow.findElement(By.cssSelector("td[data-status=RED] a")).getText()).isEqualTo("2");
        assertThat(healthRow.findElement(By.cssSelector("td[data-status=GREEN] a")).getText()).isEqualTo("1");
        assertThat(text("table.by-grade tr[data-key=LISTED] a")).isEqualTo("1");
        assertThat(text("table.by-age tr[data-key=OLDER] a")).isEqualTo("1");
        assertThat(browser.driver().findElements(By.cssSelector("table.overdue tr.overdue-report"))).hasSize(2);

        PageChecks.assertMainPageInChinese(browser.driver(), "plan dashboard");
        PageChecks.screenshot(browser.driver(), "dashboard");
    }

    @Test
    void a_click_on_a_red_bar_opens_the_list_of_those_tasks() {
        openDashboard(browser);
        WebElement chart = browser.driver().findElement(By.id("chart-units"));
        // the middle of the health commission's red segment, scrolled to the middle of the window (the chart may be
        // taller than the window), in the window's pixels
        List<Number> point = (List<Number>) script("""
                const chart = echarts.getInstanceByDom(arguments[0]);
                const option = chart.getOption();
                const row = option.yAxis[0].data.indexOf(arguments[1]);
                const before = option.series.slice(0, 2).reduce((sum, s) => sum + s.data[row], 0);
                const red = option.series[2].data[row];
                const [x, y] = chart.convertToPixel({seriesIndex: 2}, [before + red / 2, row]);
                const top = arguments[0].getBoundingClientRect().top + window.scrollY;
                // instantly: Bootstrap makes scrolling smooth, and the box below must be read after it
                window.scrollTo({top: top + y - window.innerHeight / 2, behavior: "instant"});
                const box = arguments[0].getBoundingClientRect();
                return [box.left + x, box.top + y];""", chart, DashboardScenario.HEALTH);
        new Actions(browser.driver()).moveToLocation((int) Math.round(point.get(0).doubleValue()),
                (int) Math.round(point.get(1).doubleValue())).click().perform();

        browser.waitUntil(d -> d.getCurrentUrl().contains("/dashboard/tasks"));
        assertThat(browser.driver().getCurrentUrl()).contains("unit=" + plan.healthUnitId).contains("status=RED");
        List<String> listed = browser.driver().findElements(By.cssSelector("table.status-list tr.task")).stream()
                .map(row -> row.getAttribute("data-task")).toList();
        assertThat(listed).containsExactlyInAnyOrder(plan.tasks.get(1), plan.tasks.get(2));
        PageChecks.assertMainPageInChinese(browser.driver(), "status list");
    }

    @Test
    void the_overdue_card_drills_into_the_overdue_list() {
        openDashboard(browser);
        WebElement card = browser.driver().findElement(By.cssSelector("a.card-overdue"));
        browser.driver().get(card.getAttribute("href"));
        List<String> listed = browser.driver().findElements(By.cssSelector("table.overdue tr.overdue-report")).stream()
                .map(row -> row.getAttribute("data-task")).toList();
        assertThat(listed).containsExactlyInAnyOrder(plan.tasks.get(1), plan.tasks.get(2));
        assertThat(browser.driver().findElement(By.cssSelector("table.overdue tr.overdue-report .days")).getText())
                .isEqualTo(ChronoUnit.DAYS.between(plan.dueOn, plan.today) + "天");
        PageChecks.assertMainPageInChinese(browser.driver(), "overdue list");
        PageChecks.screenshot(browser.driver(), "dashboard-overdue");
    }

    @Test
    void the_plan_page_and_the_task_page_show_an_assessed_task_s_status_in_words() {
        browser.open("/plans/" + plan.planId);
        WebElement row = browser.driver().findElements(By.cssSelector("table.tasks tr.task")).stream()
                .filter(task -> task.findElement(By.cssSelector("td.text a")).getAttribute("href")
                        .endsWith("/tasks/" + plan.tasks.get(1))).findFirst().orElseThrow();
        assertThat(row.findElement(By.cssSelector(".badge.rag")).getText()).isEqualTo("红灯");
        assertThat(browser.driver().findElements(By.cssSelector("table.tasks .badge.rag"))).hasSize(3);
        browser.open("/tasks/" + plan.tasks.get(0));
        assertThat(browser.driver().findElement(By.cssSelector("h1 .badge.rag")).getText()).isEqualTo("绿灯");
    }

    @Test
    void the_english_dashboard_has_no_chinese_label_and_fits_the_window() {
        try (Browser english = new Browser(port, Locale.ENGLISH)) {
            english.signIn("supervisor");
            openDashboard(english);
            Object names = ((JavascriptExecutor) english.driver()).executeScript("return echarts.getInstanceByDom("
                    + "document.getElementById('chart-units')).getOption().series.map(s => s.name);");
            assertThat((List) names).containsExactly("Green", "Amber", "Red", "Not assessed");
            PageChecks.assertNoChineseLabels(english.driver(), "plan dashboard (en)");
            PageChecks.assertFitsWindow(english.driver(), "plan dashboard (en)");
            english.open(dashboard() + "/notices?grade=LISTED");
            assertThat(english.driver().findElements(By.cssSelector("table.notices tr.notice"))).hasSize(1);
            PageChecks.assertNoChineseLabels(english.driver(), "notice list (en)");
        }
    }

    @Test
    void a_unit_sees_its_own_dashboard_and_no_other() {
        try (Browser health = new Browser(port)) {
            health.signIn("health");
            health.open("/dashboards");
            health.waitUntil(d -> d.getCurrentUrl().endsWith("/units/" + plan.healthUnitId + "/dashboard"));
            health.waitUntil(d -> "true".equals(d.findElement(By.id("chart-statuses")).getAttribute("data-drawn")));
            assertThat(health.driver().findElements(By.cssSelector("table.overdue tr.overdue-report")))
                    .extracting(row -> row.getAttribute("data-task")).contains(plan.tasks.get(1), plan.tasks.get(2));
            PageChecks.assertMainPageInChinese(health.driver(), "unit dashboard");
            // neither the plan's dashboard nor another unit's
            health.open(dashboard());
            assertThat(health.driver().findElement(By.tagName("h1")).getText()).isEqualTo("出错了 (403)");
            health.open("/units/no-such-unit/dashboard");
            assertThat(health.driver().findElement(By.tagName("h1")).getText()).isEqualTo("出错了 (403)");
        }
        try (Browser city = new Browser(port)) {
            city.signIn("citysupervisor");
            city.open(dashboard());
            assertThat(city.driver().findElement(By.tagName("h1")).getText()).isEqualTo("出错了 (403)");
        }
        // filters a list cannot read are the request's fault
        browser.open(dashboard() + "/tasks?status=PURPLE");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).startsWith("出错了 (4");
        browser.open(dashboard() + "/tasks?unit=a%20b");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("出错了 (400)");
    }
}
