package org.duban.app.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.api.unit.UnitIds;
import org.duban.app.support.Browser;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PageChecks;
import org.duban.app.support.PlanTrees;
import org.duban.app.support.RobotServer;
import org.duban.app.support.RobotServer.Received;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * A report reminder reaches the lead unit by email (a real SMTP server in the test, GreenMail) and by its group robot
 * (a local HTTP server answering as WeCom and DingTalk robots do); a robot answering 500 is tried three times and
 * recorded as failed; at night a reminder is held and goes out at half past eight; the log page lists every attempt.
 * The dispatcher is run by the test (its schedule is off here) on the workflow's clock, which the test moves.
 */
@DubanIntegrationTest
@TestPropertySource(properties = {"duban.test.context=notifications", "duban.notifications.enabled=false",
        "duban.notifications.base-url=https://duban.test", "duban.notifications.max-attempts=3",
        "duban.notifications.backoff=PT1M", "duban.notifications.mail-from=duban@dazu.test"})
@SuppressWarnings({"rawtypes", "unchecked"})
class NotificationIT {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEALTH = UnitIds.of("区卫生健康委");
    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final RobotServer ROBOTS = new RobotServer();
    private static final List<Received> ROBOT = ROBOTS.received();

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    NotificationDispatcher dispatcher;

    @AfterAll
    static void stop() {
        ClockUtil.reset();
        MAIL.stop();
        ROBOTS.close();
    }

    private String robot(String path) {
        return ROBOTS.url(path);
    }

    private static void clock(int month, int day, int hour, int minute) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, month, day, hour, minute).atZone(SHANGHAI).toInstant()));
    }

    @Test
    void reminders_reach_the_unit_by_email_and_robot_failures_are_retried_and_nights_are_quiet() throws Exception {
        // Thursday 15 October 2026, 10:00: a published plan, a task of the health commission acknowledged, Q4 open
        clock(10, 15, 10, 0);
        String planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        post("supervisor", "/api/plans/" + planId + "/publication-request", Map.of());
        post("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of());
        String taskId = (String) PlanTrees.ledBy(get("supervisor", "/api/plans/" + planId + "/tree"), "区卫生健康委")
                .get(0).get("taskId");
        assertThat(post("health", "/api/tasks/" + taskId + "/acknowledgement", Map.of()).getStatusCode()).isEqualTo(HttpStatus.OK);
        put("supervisor", "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3));
        assertThat(post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4"))
                .getStatusCode().is2xxSuccessful()).isTrue();
        String reminders = "/api/tasks/" + taskId + "/reports/2026-Q4/reminders";

        // only an administrator sets the channels; a bad address or URL is refused naming the field
        Map channels = Map.of("emails", List.of("office@health.dazu.test"), "emailOn", true,
                "webhookUrl", robot("/wecom/send?key=health-key"), "webhookKind", "WECOM", "webhookOn", true);
        assertThat(put("health", "/api/units/" + HEALTH + "/notifications", channels).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("supervisor", "/api/units/" + HEALTH + "/notifications", channels).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> badUrl = put("admin", "/api/units/" + HEALTH + "/notifications",
                Map.of("webhookUrl", "file:///etc/passwd", "webhookKind", "WECOM", "webhookOn", true));
        assertThat(badUrl.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) badUrl.getBody().get("detail")).contains("webhookUrl");
        ResponseEntity<Map> badEmail = put("admin", "/api/units/" + HEALTH + "/notifications",
                Map.of("emails", List.of("office at health"), "emailOn", true));
        assertThat(badEmail.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) badEmail.getBody().get("detail")).contains("emails");
        assertThat(put("admin", "/api/units/no-such-unit/notifications", channels).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> set = put("admin", "/api/units/" + HEALTH + "/notifications", channels);
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(set.getBody()).containsEntry("emailOn", true).containsEntry("webhookKind", "WECOM")
                .containsEntry("webhookSecretSet", false);

        // 1. a reminder in working hours goes out by email and by the WeCom robot, the same sentence in both
        assertThat(post("supervisor", reminders, Map.of("note", "请尽快补充佐证")).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(dispatcher.dispatchDue()).isEqualTo(2);
        assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        String text = ((String) mail.getContent()).strip();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("office@health.dazu.test");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("duban@dazu.test");
        assertThat(mail.getSubject()).startsWith("【催报提醒】任务“").endsWith("2026年第四季度进展报告");
        assertThat(ROBOT).hasSize(1);
        assertThat(ROBOT.get(0).path()).isEqualTo("/wecom/send?key=health-key");
        JsonNode robotBody = JSON.readTree(ROBOT.get(0).body());
        assertThat(robotBody.get("msgtype").asText()).isEqualTo("text");
        String content = robotBody.get("text").get("content").asText();
        assertThat(content).startsWith("【催报提醒】区卫生健康委：任务“")
                .contains("2026年第四季度进展报告请于2027年1月11日前报送。督查室提示：请尽快补充佐证。")
                .endsWith("查看：https://duban.test/tasks/" + taskId);
        assertThat(text).isEqualTo(content);
        assertThat(dispatcher.dispatchDue()).as("nothing is sent twice").isZero();

        // 2. a DingTalk robot answering 500: tried three times with a doubling wait, then recorded as failed
        assertThat(put("admin", "/api/units/" + HEALTH + "/notifications", Map.of("emails", List.of("office@health.dazu.test"),
                "emailOn", false, "webhookUrl", robot("/failing/robot/send?access_token=t0k3n"), "webhookKind", "DINGTALK",
                "webhookSecret", "SECdazu", "webhookOn", true)).getBody()).containsEntry("webhookSecretSet", true);
        post("supervisor", reminders, Map.of("note", "第二次催报"));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        clock(10, 15, 10, 0);
        assertThat(dispatcher.dispatchDue()).as("not before the wait").isZero();
        clock(10, 15, 10, 1);
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        clock(10, 15, 10, 2);
        assertThat(dispatcher.dispatchDue()).as("the second wait is two minutes").isZero();
        clock(10, 15, 10, 3);
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        clock(10, 15, 10, 30);
        assertThat(dispatcher.dispatchDue()).as("failed for good").isZero();
        List<Received> failing = ROBOT.stream().filter(r -> r.path().startsWith("/failing")).toList();
        assertThat(failing).hasSize(3).allSatisfy(r -> assertThat(r.path())
                .matches("/failing/robot/send\\?access_token=t0k3n&timestamp=\\d+&sign=.+"));
        Map failed = get("supervisor", "/api/notifications?unitId=" + HEALTH + "&outcome=FAILED");
        List<Map> failedAttempts = (List<Map>) failed.get("deliveries");
        assertThat(failedAttempts).singleElement().satisfies(d -> assertThat(d).containsEntry("channel", "DINGTALK")
                .containsEntry("attempt", 3).containsEntry("recipient", robot("/failing/robot/send") + "?…")
                .containsEntry("eventType", "ReportReminded"));
        assertThat((String) failedAttempts.get(0).get("error")).contains("HTTP 500");
        assertThat((List<Map>) get("supervisor", "/api/notifications?outcome=RETRY").get("deliveries")).hasSize(2);
        assertThat(get("supervisor", "/api/notifications?outcome=nonsense")).isEmpty();

        // 3. at 21:00 a reminder is held for the night and goes out at 08:30 the next working morning
        put("admin", "/api/units/" + HEALTH + "/notifications", channels);
        clock(10, 15, 21, 0);
        post("supervisor", reminders, Map.of("note", "夜间催报"));
        int robotBefore = ROBOT.size();
        assertThat(dispatcher.dispatchDue()).isZero();
        List<Map> waiting = (List<Map>) get("admin", "/api/notifications").get("waiting");
        assertThat(waiting).hasSize(2).allSatisfy(w -> assertThat(w).containsEntry("held", true)
                .containsEntry("nextAttemptAt", "2026-10-16T00:30:00Z"));
        clock(10, 16, 8, 29);
        assertThat(dispatcher.dispatchDue()).isZero();
        clock(10, 16, 8, 30);
        assertThat(dispatcher.dispatchDue()).isEqualTo(2);
        assertThat(ROBOT.size()).isEqualTo(robotBefore + 1);
        assertThat(ROBOT.get(ROBOT.size() - 1).body()).contains("夜间催报");
        await().atMost(Duration.ofSeconds(10)).until(() -> MAIL.getReceivedMessages().length == 2);
        assertThat((List<Map>) get("admin", "/api/notifications").get("waiting")).isEmpty();

        // every attempt is in the log: 2 + 3 + 2
        List<Map> all = (List<Map>) get("admin", "/api/notifications").get("deliveries");
        assertThat(all).hasSize(7);
        assertThat(all).extracting(d -> d.get("outcome")).containsOnly("SENT", "RETRY", "FAILED");
        assertThat(Instant.parse((String) all.get(0).get("attemptedAt"))).isAfterOrEqualTo(Instant.parse("2026-10-16T00:30:00Z"));

        // the secret is not in the audit trail
        Map trail = get("admin", "/api/audit/events?eventType=UnitNotificationChannelsSet");
        assertThat(JSON.writeValueAsString(trail)).contains("UnitNotificationChannelsSet").doesNotContain("SECdazu");

        ClockUtil.reset();
        try (Browser browser = new Browser(port)) {
            // the log page, for a supervisor: every attempt, filtered by outcome
            browser.signIn("supervisor");
            browser.open("/notifications");
            assertThat(browser.driver().findElements(By.cssSelector("table.deliveries tbody tr[data-outcome]"))).hasSize(7);
            assertThat(browser.driver().findElement(By.cssSelector("table.deliveries")).getText())
                    .contains("企业微信群机器人", "钉钉群机器人", "电子邮件", "第3次发送失败，不再重试", "区卫生健康委");
            PageChecks.assertMainPageInChinese(browser.driver(), "notifications");
            PageChecks.screenshot(browser.driver(), "notifications");
            new Select(browser.driver().findElement(By.id("filter-outcome"))).selectByValue("FAILED");
            browser.driver().findElement(By.cssSelector(".notification-filter button")).click();
            browser.waitUntil(d -> d.getCurrentUrl().contains("outcome=FAILED"));
            assertThat(browser.driver().findElements(By.cssSelector("table.deliveries tbody tr[data-outcome]"))).hasSize(1);

            // the unit's page: an administrator switches the robot off in its form
            browser.signIn("admin");
            browser.open("/units/" + HEALTH);
            assertThat(browser.element(By.cssSelector(".channels-summary")).getText())
                    .contains("发送邮件至设置的1个邮箱").contains("企业微信群机器人");
            assertThat(browser.driver().findElement(By.id("channel-emails")).getAttribute("value"))
                    .isEqualTo("office@health.dazu.test");
            PageChecks.assertMainPageInChinese(browser.driver(), "unit-notifications");
            WebElement robotOn = browser.driver().findElement(By.id("channel-webhook-on"));
            assertThat(robotOn.isSelected()).isTrue();
            click(browser, robotOn);
            click(browser, browser.driver().findElement(By.cssSelector(".channels-form button[type=submit]")));
            browser.waitUntil(d -> !d.findElements(By.id("done")).isEmpty());
            assertThat(get("admin", "/api/units/" + HEALTH + "/notifications")).containsEntry("webhookOn", false)
                    .containsEntry("emailOn", true).containsEntry("webhookUrl", robot("/wecom/send?key=health-key"));
        }
    }

    /**
     * The form is below the unit's long task tables, where Chromium reports the click intercepted; clicked the way the
     * page's own script would, which still sends the form as a person's click does.
     */
    private static void click(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private Map get(String user, String path) {
        ResponseEntity<Map> response = http.withBasicAuth(user, "duban").getForEntity(path, Map.class);
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : Map.of();
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }

    private ResponseEntity<Map> put(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }
}
