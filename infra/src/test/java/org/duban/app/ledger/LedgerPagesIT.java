package org.duban.app.ledger;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.app.support.Browser;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PageChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The ledger download and the implementation page in a real headless Chromium, on the demo data. */
@DubanIntegrationTest
@TestPropertySource(properties = "duban.demo.enabled=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerPagesIT {
    private static final String DAZU_TITLE = "大足区贯彻落实《重庆市中医药振兴发展规划实施方案（2023—2027年）》任务分解";
    private static final String CHONGQING_TITLE = "重庆市中医药振兴发展重大工程实施方案（2023—2027年）";

    @LocalServerPort
    int port;
    private Browser browser;
    private Path downloads;

    @BeforeAll
    void startBrowser() throws IOException {
        downloads = Files.createTempDirectory("ledger-downloads");
        browser = new Browser(port, Locale.SIMPLIFIED_CHINESE, downloads);
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
    }

    @Test
    void the_supervisor_downloads_the_ledger_from_the_plan_page_and_reads_every_task_in_it() throws IOException {
        browser.signIn("supervisor");
        browser.open("/plans");
        browser.driver().findElement(By.linkText(DAZU_TITLE)).click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("a.ledger-link")).isEmpty());
        browser.driver().findElement(By.cssSelector("a.ledger-link")).click();

        Path file = await("the ledger downloaded").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(this::downloaded, Optional::isPresent).orElseThrow();
        assertThat(file.getFileName().toString()).startsWith("台账-").endsWith(".xlsx");
        try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("任务台账");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(94);
            assertThat(LedgerIT.row(workbook.getSheetAt(0).getRow(1)).get(4))
                    .isEqualTo("做大做强区中医院，推动区中医院与浙江省中医院联合创建国家区域医疗中心项目。");
            assertThat(workbook.getSheetName(1)).isEqualTo("指标台账");
        }
    }

    @Test
    void the_city_plan_shows_dazu_s_progress_as_a_chart_and_its_gaps_and_a_figure_drills_into_its_list() {
        browser.signIn("citysupervisor");
        browser.open("/plans");
        browser.driver().findElement(By.linkText(CHONGQING_TITLE)).click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("a.implementation-link")).isEmpty());
        browser.driver().findElement(By.cssSelector("a.implementation-link")).click();
        browser.waitUntil(d -> "true".equals(d.findElement(By.id("implementation-chart")).getDomAttribute("data-rendered")));

        // the chart draws a bar per figure that is not zero; its total is the table's
        List<WebElement> bars = browser.driver().findElements(By.cssSelector("#implementation-chart svg path"));
        assertThat(bars).isNotEmpty();
        WebElement row = browser.driver().findElement(By.cssSelector("table.progress-table tbody tr"));
        assertThat(row.findElement(By.cssSelector("th")).getText()).isEqualTo(DAZU_TITLE);
        assertThat(row.findElement(By.cssSelector("a.figure-ALL")).getText()).isEqualTo("94");
        assertThat(browser.driver().findElements(By.cssSelector("table.gaps tbody tr"))).hasSize(11);
        assertThat(browser.driver().findElement(By.cssSelector("table.gaps")).getText()).contains("促进中医药开放发展");

        PageChecks.assertMainPageInChinese(browser.driver(), "implementation");
        PageChecks.screenshot(browser.driver(), "implementation");

        int accepted = Integer.parseInt(row.findElement(By.cssSelector("a.figure-ACCEPTED")).getText());
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();",
                row.findElement(By.cssSelector("a.figure-ALL")));
        browser.waitUntil(d -> !d.findElements(By.cssSelector("section.drill-down")).isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector("table.listed tbody tr"))).hasSize(94);
        assertThat(accepted).isPositive();
    }

    @Test
    void the_implementation_page_reads_in_english() {
        browser.signIn("citysupervisor");
        browser.open("/plans");
        browser.driver().findElement(By.linkText(CHONGQING_TITLE)).click();
        browser.waitUntil(d -> !d.findElements(By.cssSelector("a.implementation-link")).isEmpty());
        String url = browser.driver().findElement(By.cssSelector("a.implementation-link")).getDomAttribute("href");
        browser.open(url + "?lang=en");
        browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().startsWith("How the plans below"));
        PageChecks.assertNoChineseLabels(browser.driver(), "implementation (en)");
        PageChecks.assertFitsWindow(browser.driver(), "implementation (en)");
        browser.open(url + "?lang=zh-CN");
    }

    private Optional<Path> downloaded() throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst();
        }
    }
}
