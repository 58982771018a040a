package org.duban.app.plan;

import org.duban.app.support.Browser;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.Uploads;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The plan pages in a real headless Chromium, on the demo data a first start loads. */
@DubanIntegrationTest
@TestPropertySource(properties = "duban.demo.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanPagesIT {
    @LocalServerPort
    int port;
    private Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = new Browser(port);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void the_plan_tree_shows_each_task_with_its_lead_unit_and_links_to_the_unit() {
        browser.signIn("health");
        browser.open("/plans");
        browser.driver().findElement(By.linkText("大足区贯彻落实《重庆市中医药振兴发展规划实施方案（2023—2027年）》任务分解")).click();
        browser.waitUntil(d -> d.findElements(By.cssSelector("tr.task")).size() == 94);

        WebElement task = browser.driver().findElements(By.cssSelector("tr.task")).stream()
                .filter(row -> row.findElement(By.cssSelector("td.text")).getText().startsWith("做大做强区中医院"))
                .findFirst().orElseThrow();
        assertThat(task.findElement(By.cssSelector("a.lead")).getText()).isEqualTo("区发展改革委");
        assertThat(task.findElements(By.cssSelector("span.co a"))).extracting(WebElement::getText)
                .containsExactly("区卫生健康委", "区财政局", "区规划自然资源局", "区住房城乡建委");
        assertThat(browser.driver().findElement(By.cssSelector("summary")).getText()).isEqualTo("一、中医药健康服务高质量发展工程");
        assertThat(browser.driver().findElements(By.cssSelector("table.indicators tbody tr"))).hasSize(12);
        assertThat(browser.driver().findElement(By.linkText("重庆市中医药振兴发展重大工程实施方案（2023—2027年）")).isDisplayed())
                .isTrue();

        // clicked as the reader's pointer would, wherever the long page has scrolled it
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();",
                browser.driver().findElement(By.linkText("区市场监管局")));
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("区市场监管局"));
        assertThat(browser.driver().findElement(By.cssSelector(".lead-count")).getText()).isEqualTo("11");
        assertThat(browser.driver().findElements(By.cssSelector("table.lead tbody tr"))).hasSize(11);
        assertThat(browser.driver().findElements(By.cssSelector("table.co tbody tr"))).isNotEmpty();
    }

    @Test
    void a_supervisor_checks_a_file_on_the_import_page_and_sees_the_report_without_a_reload() throws IOException {
        Path file = Files.createTempFile("dazu-", ".docx");
        Files.write(file, Uploads.sample("dazu-tcm-task-decomposition-2024.docx"));
        browser.signIn("supervisor");
        browser.open("/plans/import");
        browser.driver().findElement(By.name("file")).sendKeys(file.toString());
        browser.driver().findElement(By.name("title")).sendKeys("大足区任务分解（检查）");
        browser.driver().findElement(By.name("issuer")).sendKeys("重庆市大足区人民政府办公室");
        browser.driver().findElement(By.name("startYear")).sendKeys("2024");
        browser.driver().findElement(By.name("endYear")).sendKeys("2027");
        Object marker = ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("window.stillHere = 'yes'; return window.stillHere;");
        browser.driver().findElement(By.cssSelector("button[name=dryRun][value=true]")).click();

        String tasks = browser.waitUntil(d -> {
            List<WebElement> count = d.findElements(By.cssSelector("#report .task-count"));
            return count.isEmpty() ? null : count.get(0).getText();
        });
        assertThat(tasks).isEqualTo("94");
        assertThat(browser.driver().findElement(By.cssSelector("#report")).getText()).contains("检查通过");
        // htmx swapped the report in: the page was not reloaded
        assertThat(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return window.stillHere;"))
                .isEqualTo(marker);
        Files.delete(file);
    }

    @Test
    void a_supervisor_reviews_a_plan_read_from_text_item_by_item_and_imports_what_was_kept() throws IOException {
        Path file = Files.createTempFile("ziyang-", ".txt");
        try (java.io.InputStream text = getClass().getResourceAsStream("/import-corpus/text/ziyang.txt")) {
            Files.write(file, text.readAllBytes());
        }
        browser.signIn("supervisor");
        browser.open("/plans/import");
        browser.driver().findElement(By.name("file")).sendKeys(file.toString());
        browser.driver().findElement(By.name("title")).sendKeys("资阳市中医药强市建设行动方案（审核）" + System.nanoTime());
        browser.driver().findElement(By.name("issuer")).sendKeys("资阳市人民政府办公室");
        browser.driver().findElement(By.name("startYear")).sendKeys("2021");
        browser.driver().findElement(By.name("endYear")).sendKeys("2025");
        browser.driver().findElement(By.cssSelector("button[name=dryRun][value=true]")).click();

        List<WebElement> items = browser.waitUntil(d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("table.proposal-items tbody tr"));
            return rows.isEmpty() ? null : rows;
        });
        // each item stands beside the sentence it was read from
        WebElement firstTask = items.stream().filter(row -> row.getAttribute("data-item").equals("t1")).findFirst()
                .orElseThrow();
        assertThat(firstTask.findElement(By.tagName("blockquote")).getText()).contains("建立健全中医药服务体系行动");

        // importing before every item is decided is refused, naming the items
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();",
                browser.driver().findElement(By.cssSelector("button[name=dryRun][value=false]")));
        String refused = browser.waitUntil(d -> {
            List<WebElement> errors = d.findElements(By.cssSelector("#report table.errors"));
            return errors.isEmpty() ? null : errors.get(0).getText();
        });
        // in the reader's language: 尚未审核 / has not been reviewed
        assertThat(refused).contains("t1").containsAnyOf("尚未审核", "has not been reviewed");

        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver();
        js.executeScript("document.querySelectorAll('select[name$=\".action\"]').forEach(s => s.value = 'KEEP');");
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.name("review.t2.action")))
                .selectByValue("DROP");
        js.executeScript("arguments[0].click();",
                browser.driver().findElement(By.cssSelector("button[name=dryRun][value=false]")));

        browser.waitUntil(d -> d.getCurrentUrl().matches(".*/plans/[0-9a-f-]{36}$") ? true : null);
        assertThat(browser.driver().findElements(By.cssSelector("tr.task"))).hasSize(9);
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("（三）").doesNotContain("建立健全中医药应急体系行动");
        Files.delete(file);
    }
}
