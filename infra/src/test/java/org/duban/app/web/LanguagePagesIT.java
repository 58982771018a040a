package org.duban.app.web;

import org.duban.app.support.Browser;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PageChecks;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in, the error pages and the language switch in a real browser: Chinese first, English when chosen. */
@DubanIntegrationTest
class LanguagePagesIT {
    @LocalServerPort
    int port;

    @Test
    void a_chinese_browser_reads_the_sign_in_page_in_chinese_only() {
        try (Browser browser = new Browser(port)) {
            browser.open("/login");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("登录");
            assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
            PageChecks.assertMainPageInChinese(browser.driver(), "/login");
            PageChecks.screenshot(browser.driver(), "sign-in");
        }
    }

    @Test
    void an_english_browser_reads_the_sign_in_page_in_english_and_the_switch_brings_chinese_back() {
        try (Browser browser = new Browser(port, Locale.ENGLISH)) {
            browser.open("/login");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
            PageChecks.assertNoChineseLabels(browser.driver(), "/login");
            PageChecks.assertFitsWindow(browser.driver(), "/login");
            PageChecks.assertAccessible(browser.driver(), "/login");

            browser.driver().findElement(By.cssSelector("a[lang='zh-CN']")).click();
            browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("登录"));
            browser.open("/login");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                    .as("the choice is kept over the browser's language").isEqualTo("登录");
        }
    }

    @Test
    void a_chinese_reader_who_switches_to_english_keeps_english_after_signing_in() {
        try (Browser browser = new Browser(port)) {
            browser.open("/login");
            browser.driver().findElement(By.cssSelector("a[lang='en']")).click();
            browser.waitUntil(d -> d.findElement(By.tagName("h1")).getText().equals("Sign in"));
            browser.driver().findElement(By.name("username")).sendKeys("health");
            browser.driver().findElement(By.name("password")).sendKeys("duban");
            browser.driver().findElement(By.name("password")).submit();
            browser.waitUntil(d -> !d.getCurrentUrl().contains("/login"));
            assertThat(browser.driver().findElement(By.cssSelector("button[type=submit]")).getText())
                    .isEqualTo("Sign out");
        }
    }

    @Test
    void an_error_page_keeps_the_navigation_and_the_sign_out_button_in_the_readers_language() {
        try (Browser browser = new Browser(port)) {
            browser.signIn("health");
            browser.open("/tasks/no-such-task");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("出错了");
            assertThat(browser.driver().findElements(By.cssSelector("nav.sections a"))).isNotEmpty();
            assertThat(browser.driver().findElement(By.cssSelector("form[action='/logout'] button")).getText())
                    .isEqualTo("退出");
            PageChecks.assertMainPageInChinese(browser.driver(), "an error page");
        }
        try (Browser browser = new Browser(port, Locale.ENGLISH)) {
            browser.signIn("health");
            browser.open("/tasks/no-such-task");
            assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains("Something went wrong");
            PageChecks.assertNoChineseLabels(browser.driver(), "an error page");
        }
    }
}
