package org.duban.app.support;

import org.openqa.selenium.WebElement;

import org.openqa.selenium.JavascriptExecutor;

import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A real headless Chromium driven through the chromedriver of the machine (Debian packages chromium and
 * chromium-driver, installed by .ci/run). Paths can be changed with -Dduban.test.chromium and
 * -Dduban.test.chromedriver; nothing is downloaded. The window is a common office screen, 1,366 × 768; the browser
 * asks for Chinese unless told another language.
 */
public final class Browser implements AutoCloseable {
    private final WebDriver driver;
    private final String baseUrl;

    public Browser(int port) {
        this(port, Locale.SIMPLIFIED_CHINESE);
    }

    public Browser(int port, Locale language) {
        this(port, language, null);
    }

    /** @param downloads where files the pages offer are saved without asking, or null for the browser's default */
    public Browser(int port, Locale language, Path downloads) {
        File chromium = new File(System.getProperty("duban.test.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("duban.test.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            throw new IllegalStateException("browser tests need " + chromium + " and " + chromedriver
                    + " (apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,768", "--lang=" + language.toLanguageTag(), "--no-first-run",
                "--disable-extensions");
        options.setExperimentalOption("prefs", downloads == null
                ? Map.of("intl.accept_languages", language.toLanguageTag())
                : Map.of("intl.accept_languages", language.toLanguageTag(),
                "download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        if (downloads != null) {
            // headless Chromium saves downloads only where it is told to by the DevTools protocol
            chrome.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                    "downloadPath", downloads.toAbsolutePath().toString()));
        }
        this.driver = chrome;
        this.baseUrl = "http://localhost:" + port;
    }

    /**
     * Clicks an element the way the page's own script would: brought to the middle of the window at once (Bootstrap
     * scrolls smoothly) and clicked there, so a long page or the sticky navigation never intercepts it.
     */
    public void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'}); arguments[0].click();", element);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Signs in on the login page with a fresh session, whoever was signed in before. */
    public void signIn(String user) {
        open("/login");
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys("duban");
        driver.findElement(By.name("password")).submit();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        // the landing page names who is signed in: the session is established before the next page is asked for
        element(By.cssSelector(".who"));
    }

    /**
     * The element once the page shows it (up to 15 s); when it never does, the failure says which page the browser
     * was on and what it showed, so that an error page or a redirect to the login reads as such.
     */
    public WebElement element(By by) {
        try {
            return waitUntil(d -> d.findElements(by).stream().findFirst().orElse(null));
        } catch (TimeoutException e) {
            String shown = driver.findElements(By.tagName("main")).stream().findFirst().map(WebElement::getText)
                    .orElseGet(() -> driver.findElement(By.tagName("body")).getText());
            throw new AssertionError("no " + by + " on " + driver.getCurrentUrl() + " (\"" + driver.getTitle()
                    + "\"), which showed: " + shown.substring(0, Math.min(shown.length(), 600)), e);
        }
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
