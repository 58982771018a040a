package org.duban.app.support;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every main page must be, checked in the real browser on the page it shows now:
 * <ul>
 *   <li>in Chinese, every visible text reads as Chinese: no JSON, no identifiers, no upper-case codes and no English
 *   word beyond {@link #LATIN_ALLOWED};</li>
 *   <li>in English, no Chinese label: every visible text outside the reader's data (marked {@code translate="no"},
 *   as names, titles and what people wrote are) and outside the other language's own name is free of Chinese;</li>
 *   <li>no wider than the window of 1,366 pixels;</li>
 *   <li>no serious or critical WCAG 2.1 A/AA violation found by axe-core;</li>
 * </ul>
 * and a screenshot for the README, written to {@code docs/screenshots/} by the H2 run of the tests.
 */
public final class PageChecks {
    /** English words a Chinese page may show: names of file formats and products, and the English language switch. */
    public static final Set<String> LATIN_ALLOWED = Set.of("English", "Excel", "Word", "CSV", "csv", "xlsx", "xls",
            "docx", "doc", "txt", "pdf", "PDF", "SHA", "KB", "MB", "GB", "Cockpit", "Camunda", "HIS", "DRG", "DIP", "CT", "GAP");
    private static final Pattern JSON = Pattern.compile("[\\[{]\\s*\"|\"\\s*:");
    private static final Pattern IDENTIFIER = Pattern.compile(
            "(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}|\\b[a-z]+-[0-9a-f]{6,}\\b");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z_]+");
    private static final Pattern CHINESE = Pattern.compile("[\\u3400-\\u9fff]");

    /** Text nodes the reader sees (and placeholders), each with the path of its element, for the messages. */
    private static final String VISIBLE_TEXTS = """
            const skipData = arguments[0];
            const out = [];
            const visible = el => el && el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true});
            const path = el => { const p = []; for (let e = el; e && e !== document.body && p.length < 4; e = e.parentElement)
                p.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + [...e.classList].join('.') : ''));
                return p.join(' > '); };
            const excluded = el => el.closest('script,style,noscript,template')
                || (skipData && el.closest('[translate="no"],[lang]:not([lang^="en"])'));
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const text = n.nodeValue.trim();
              const el = n.parentElement;
              if (text && !excluded(el) && visible(el)) out.push([path(el), text]);
            }
            for (const el of document.querySelectorAll('[placeholder],[title],[aria-label],img[alt]')) {
              if (excluded(el) || !visible(el)) continue;
              for (const a of ['placeholder', 'title', 'aria-label', 'alt']) {
                const v = el.getAttribute(a);
                if (v && v.trim()) out.push([path(el) + '@' + a, v.trim()]);
              }
            }
            // a page named after its data (a plan's title, a unit's name) carries that data in its title too
            let title = document.title;
            if (skipData) for (const h of document.querySelectorAll('h1[translate="no"]')) title = title.replace(h.textContent.trim(), '');
            out.push(['title', title]);
            return out;""";

    private PageChecks() {
    }

    /** Every visible text of a Chinese page reads as Chinese. */
    public static void assertReadsInChinese(WebDriver driver, String page) {
        List<String> problems = new ArrayList<>();
        for (List<String> text : texts(driver, false)) {
            String where = text.get(0);
            String value = text.get(1);
            if (JSON.matcher(value).find()) {
                problems.add("JSON in " + where + ": " + value);
            }
            if (IDENTIFIER.matcher(value).find()) {
                problems.add("an identifier in " + where + ": " + value);
            }
            Matcher words = LATIN_WORD.matcher(value);
            while (words.find()) {
                if (!LATIN_ALLOWED.contains(words.group())) {
                    problems.add((words.group().matches("[A-Z_]+") ? "a code " : "an English word ") + "'"
                            + words.group() + "' in " + where + ": " + value);
                }
            }
        }
        assertThat(problems).as("text on the Chinese page %s", page).isEmpty();
    }

    /** No label of an English page is Chinese; the reader's data and the switch to Chinese are left as they are. */
    public static void assertNoChineseLabels(WebDriver driver, String page) {
        List<String> problems = new ArrayList<>();
        for (List<String> text : texts(driver, true)) {
            if (CHINESE.matcher(text.get(1)).find()) {
                problems.add(text.get(0) + ": " + text.get(1));
            }
        }
        assertThat(problems).as("Chinese labels on the English page %s", page).isEmpty();
    }

    /** The page fits the 1,366-pixel window: nothing scrolls sideways. */
    public static void assertFitsWindow(WebDriver driver, String page) {
        Map<?, ?> widths = (Map<?, ?>) ((JavascriptExecutor) driver).executeScript("""
                const d = document.documentElement;
                let widest = null;
                for (const el of document.body.querySelectorAll('*')) {
                  const r = el.getBoundingClientRect();
                  if (r.right > d.clientWidth + 1 && (!widest || r.right > widest.right)) widest = {el, right: r.right};
                }
                return {scroll: d.scrollWidth, client: d.clientWidth, window: window.innerWidth,
                  widest: widest ? widest.el.tagName + '.' + widest.el.className + ' ends at ' + Math.round(widest.right) : ''};""");
        assertThat(((Number) widths.get("window")).intValue()).as("the window's width").isLessThanOrEqualTo(1366);
        assertThat(((Number) widths.get("scroll")).intValue())
                .as("width of %s in a %s px window (%s)", page, widths.get("window"), widths.get("widest"))
                .isLessThanOrEqualTo(((Number) widths.get("client")).intValue());
    }

    /** axe-core finds no serious or critical violation of WCAG 2.1 A and AA on the page. */
    public static void assertAccessible(WebDriver driver, String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe !== 'undefined';"))) {
            js.executeScript(axeSource());
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        Object found = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))))
                  .catch(e => done(['axe failed: ' + e]));""");
        assertThat((List<?>) found).as("serious or critical accessibility violations on %s", page).isEmpty();
    }

    /** All four checks of a Chinese main page. */
    public static void assertMainPageInChinese(WebDriver driver, String page) {
        assertReadsInChinese(driver, page);
        assertFitsWindow(driver, page);
        assertAccessible(driver, page);
    }

    /** Saves what the browser shows as {@code docs/screenshots/<name>.png}, in the H2 run only (one set of pictures). */
    public static void screenshot(WebDriver driver, String name) {
        String directory = System.getProperty("duban.test.screenshots");
        if (directory == null || "postgres".equals(System.getProperty("duban.test.database"))) {
            return;
        }
        try {
            Path file = Path.of(directory).resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> texts(WebDriver driver, boolean skipData) {
        return (List<List<String>>) ((JavascriptExecutor) driver).executeScript(VISIBLE_TEXTS, skipData);
    }

    private static String axeSource() {
        String file = System.getProperty("duban.test.axe", "target/axe/node_modules/axe-core/axe.min.js");
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("axe-core is fetched by npm in the pre-integration-test phase; missing: "
                    + file, e);
        }
    }
}
