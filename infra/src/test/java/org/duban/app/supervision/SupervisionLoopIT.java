package org.duban.app.supervision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.supervision.FindPlanBoard;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.PlanBoard;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.StatusCounts;
import org.duban.api.supervision.SupervisionCaseClosedOut;
import org.duban.api.supervision.SupervisionCaseEscalated;
import org.duban.api.supervision.SupervisionNoticeIssued;
import org.duban.api.supervision.TaskStatusChanged;
import org.duban.api.task.TaskCreated;
import org.duban.api.unit.UnitIds;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.EngineClock;
import org.duban.app.support.RobotServer;
import org.duban.process.WorkflowClock;
import org.duban.process.calendar.WorkingDays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.app.support.PlanTrees.ledBy;
import static org.duban.app.support.Uploads.publishedDazuPlan;

/**
 * Issue 13's loop through the whole application, by its own clock: two reports of the health commission left
 * unsubmitted become overdue; five working days later the daily rule raises a notice on each, once; unanswered, the
 * notices' timers escalate them to listed supervision; every notice and escalation reaches the unit by email (GreenMail)
 * and by its WeCom robot (a local server), sent by the dispatcher's own schedule; the unit rectifies the first, the
 * supervisor sends it back once (the unit is told) and then closes it out. The plan's board then counts what the stored
 * events say. All moves of the clock land at 10:00 on working days, outside quiet hours.
 */
@DubanIntegrationTest
@TestPropertySource(properties = {"duban.test.context=supervision-loop", "duban.supervision.rules.enabled=false",
        "duban.notifications.dispatch-interval=PT1S", "duban.notifications.base-url=https://duban.test",
        "duban.notifications.mail-from=duban@dazu.test"})
@SuppressWarnings({"rawtypes", "unchecked"})
class SupervisionLoopIT {
    private static final String HEALTH = "区卫生健康委";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMERS = Duration.ofSeconds(120);
    private static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final RobotServer ROBOTS = new RobotServer();

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    SupervisionRules rules;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    QueryGateway queries;
    @Autowired
    EventStore eventStore;
    @Autowired
    ManagementService management;

    @AfterEach
    void resetClock() {
        EngineClock.resetAndSettle(management);
    }

    @AfterAll
    static void stopServers() {
        MAIL.stop();
        ROBOTS.close();
    }

    @Test
    void an_overdue_report_raises_a_notice_that_escalates_is_notified_rectified_rejected_once_closed_out_and_counted()
            throws Exception {
        // a published plan, two tasks of the health commission acknowledged, 2026-Q4 opened and never reported
        at(LocalDate.of(2026, 10, 15));
        String planId = publishedDazuPlan(http);
        List<String> tasks = ledBy(get("supervisor", "/api/plans/" + planId + "/tree"), HEALTH).subList(0, 2).stream()
                .map(task -> (String) task.get("taskId")).toList();
        for (String taskId : tasks) {
            assertThat(post("health", "/api/tasks/" + taskId + "/acknowledgement", Map.of()).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        assertThat(put("supervisor", "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)).getStatusCode().is2xxSuccessful())
                .isTrue();
        ResponseEntity<Map> opened = post("supervisor", "/api/plans/" + planId + "/reporting-periods",
                Map.of("period", "2026-Q4"));
        assertThat(opened.getStatusCode().is2xxSuccessful()).isTrue();
        LocalDate overdueOn = LocalDate.parse((String) opened.getBody().get("overdueOn"));

        // the unit's channels: its mailbox and its WeCom robot
        assertThat(put("admin", "/api/units/" + UnitIds.of(HEALTH) + "/notifications", Map.of(
                "emails", List.of("office@health.dazu.test"), "emailOn", true,
                "webhookUrl", ROBOTS.url("/wecom/send?key=health-key"), "webhookKind", "WECOM", "webhookOn", true))
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        // past the overdue day the reports' timers mark both overdue
        at(workingDays.plus(overdueOn, 1));
        await().atMost(TIMERS).pollInterval(Duration.ofMillis(300)).until(() -> tasks.stream().allMatch(taskId ->
                ((List<Map>) get("supervisor", "/api/tasks/" + taskId).get("reports")).stream()
                        .anyMatch(r -> "2026-Q4".equals(r.get("periodKey")) && Boolean.TRUE.equals(r.get("overdue")))));

        // five working days after the overdue day the daily check opens one case per report, and only one
        LocalDate ruleDay = workingDays.plus(overdueOn, 5);
        at(workingDays.minus(ruleDay, 1));
        assertThat(rules.openCasesOnOverdueReports(WorkflowClock.today())).as("not yet five working days").isZero();
        at(ruleDay);
        assertThat(rules.openCasesOnOverdueReports(WorkflowClock.today())).isEqualTo(2);
        assertThat(rules.openCasesOnOverdueReports(WorkflowClock.today())).as("each report opens one case").isZero();
        List<String> caseIds = new ArrayList<>();
        for (String taskId : tasks) {
            List<Map> cases = cases(taskId);
            assertThat(cases).singleElement().satisfies(c -> assertThat(c).containsEntry("trigger", "REPORT_OVERDUE")
                    .containsEntry("grade", "NOTICE").containsEntry("stage", "AWAITING_PLAN"));
            caseIds.add((String) cases.get(0).get("caseId"));
        }
        String path = "/api/supervision/cases/" + caseIds.get(0);
        LocalDate firstAnswerBy = LocalDate.parse((String) view(path).get("answerBy"));

        // each notice reaches the unit by email and by its robot, in one sentence naming the answer day
        awaitSent("督办通知", 2);
        assertThat(robotSentences("督办通知")).allSatisfy(sentence -> assertThat(sentence)
                .startsWith("【督办通知】区卫生健康委：任务“").contains("2026年第四季度进展报告被督办，理由：")
                .contains("请于" + chinese(firstAnswerBy) + "前报送整改方案。查看：https://duban.test/supervision/cases/"));
        assertThat(ROBOTS.received()).allSatisfy(r -> assertThat(r.path()).isEqualTo("/wecom/send?key=health-key"));
        assertThat(mails("督办通知")).allSatisfy(mail -> assertThat(mail.getAllRecipients()[0].toString())
                .isEqualTo("office@health.dazu.test"));

        // unanswered past the answer day, the notices' timers raise them to listed supervision, which is notified too
        at(workingDays.plus(firstAnswerBy, 1));
        await().atMost(TIMERS).pollInterval(Duration.ofMillis(300)).until(() ->
                caseIds.stream().allMatch(id -> "LISTED".equals(view("/api/supervision/cases/" + id).get("grade"))));
        awaitSent("挂牌督办", 2);
        assertThat(robotSentences("挂牌督办")).allSatisfy(sentence -> assertThat(sentence)
                .startsWith("【挂牌督办】区卫生健康委：任务“").contains("的督办已升级为挂牌督办"));
        LocalDate listedAnswerBy = LocalDate.parse((String) view(path).get("answerBy"));
        assertThat(listedAnswerBy).isAfter(firstAnswerBy);

        // the unit rectifies the first; the supervisor sends it back once, the unit is told, resubmits, and it is closed out
        assertThat(post("health", path + "/plan", Map.of("plan", "本周内补报季度进展并建立月度调度机制",
                "deadline", workingDays.plus(WorkflowClock.today(), 20).toString())).getBody())
                .containsEntry("stage", "RECTIFYING");
        assertThat(post("health", path + "/result", Map.of("result", "季度进展已补报，调度机制已建立")).getBody())
                .containsEntry("stage", "RESULT_SUBMITTED");
        assertThat(post("supervisor", path + "/verification", Map.of("closedOut", false, "reason", "缺少调度会议纪要"))
                .getBody()).containsEntry("stage", "RECTIFYING").containsEntry("rejection", "缺少调度会议纪要");
        awaitSent("整改退回", 1);
        assertThat(robotSentences("整改退回")).singleElement().satisfies(sentence -> assertThat(sentence)
                .startsWith("【整改退回】区卫生健康委：任务“").contains("的整改结果被退回，理由：缺少调度会议纪要，请继续整改后重新报送。"));
        post("health", path + "/result", Map.of("result", "已补充调度会议纪要"));
        assertThat(post("supervisor", path + "/verification", Map.of("closedOut", true, "reason", "整改到位")).getBody())
                .containsEntry("stage", "CLOSED_OUT");
        assertThat((List<Map>) get("supervisor", path).get("timeline")).extracting(e -> e.get("eventType"))
                .containsExactly("SupervisionNoticeIssued", "SupervisionCaseEscalated", "RectificationPlanSubmitted",
                        "RectificationResultSubmitted", "RectificationRejected", "RectificationResultSubmitted",
                        "SupervisionCaseClosedOut");
        assertThat(mails("督办通知")).hasSize(2);
        assertThat(mails("挂牌督办")).hasSize(2);
        assertThat(mails("整改退回")).hasSize(1);

        // the board counts what the stored events say
        PlanBoard board = queries.query(new FindPlanBoard(planId, WorkflowClock.today()),
                ResponseTypes.instanceOf(PlanBoard.class)).join();
        Counted counted = Counted.from(storedEvents(), planId);
        assertThat(board.tasks()).isEqualTo(counted.tasks());
        assertThat(board.overdue()).hasSize(counted.overdueReports());
        assertThat(board.noticesByGrade()).isEqualTo(counted.openNotices());
        // and what they say is the story above
        assertThat(board.tasks().red()).isEqualTo(2);
        assertThat(board.overdue()).hasSize(2);
        assertThat(board.noticesByGrade()).containsEntry(NoticeGrade.LISTED, 1).containsEntry(NoticeGrade.NOTICE, 0)
                .containsEntry(NoticeGrade.REMINDER, 0);
    }

    /** The board's figures computed from the events alone. */
    record Counted(StatusCounts tasks, int overdueReports, Map<NoticeGrade, Integer> openNotices) {
        static Counted from(List<Object> events, String planId) {
            Set<String> planTasks = new HashSet<>();
            Map<String, RagStatus> lastStatus = new HashMap<>();
            Set<String> overdue = new HashSet<>();
            Map<String, NoticeGrade> openCases = new LinkedHashMap<>();
            for (Object event : events) {
                if (event instanceof TaskCreated created && planId.equals(created.planId())) {
                    planTasks.add(created.taskId());
                } else if (event instanceof TaskStatusChanged changed && planId.equals(changed.planId())) {
                    lastStatus.put(changed.taskId(), changed.toStatus());
                } else if (event instanceof ReportMarkedOverdue marked) {
                    overdue.add(marked.taskId() + "/" + marked.periodKey());
                } else if (event instanceof ReportAccepted accepted) {
                    overdue.remove(accepted.taskId() + "/" + accepted.periodKey());
                } else if (event instanceof SupervisionNoticeIssued issued && planId.equals(issued.planId())) {
                    openCases.put(issued.caseId(), issued.grade());
                } else if (event instanceof SupervisionCaseEscalated escalated && openCases.containsKey(escalated.caseId())) {
                    openCases.put(escalated.caseId(), escalated.toGrade());
                } else if (event instanceof SupervisionCaseClosedOut closed) {
                    openCases.remove(closed.caseId());
                }
            }
            StatusCounts counts = StatusCounts.NONE;
            for (String taskId : planTasks) {
                counts = counts.plus(lastStatus.get(taskId), 1);
            }
            Map<NoticeGrade, Integer> byGrade = new EnumMap<>(NoticeGrade.class);
            Arrays.stream(NoticeGrade.values()).forEach(grade -> byGrade.put(grade, 0));
            openCases.values().forEach(grade -> byGrade.merge(grade, 1, Integer::sum));
            int overdueInPlan = (int) overdue.stream().filter(key -> planTasks.contains(key.split("/")[0])).count();
            return new Counted(counts, overdueInPlan, byGrade);
        }
    }

    /** Every event in the store, in the order appended (this context's database holds only this test's). */
    private List<Object> storedEvents() throws InterruptedException {
        List<Object> payloads = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable(2, TimeUnit.SECONDS)) {
                payloads.add(stream.nextAvailable().getPayload());
            }
        }
        return payloads;
    }

    /** 10:00 in Shanghai on {@code day}: a working day's morning, outside quiet hours. */
    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(10, 0))
                .atZone(WorkflowClock.ZONE).toInstant()));
    }

    private static String chinese(LocalDate day) {
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    /** Waits until the dispatcher's schedule has sent {@code count} messages tagged so, both by email and by robot. */
    private void awaitSent(String tag, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> robotSentences(tag).size() >= count && mails(tag).size() >= count);
        assertThat(robotSentences(tag)).as("sent once each").hasSize(count);
        assertThat(mails(tag)).as("sent once each").hasSize(count);
    }

    private List<String> robotSentences(String tag) {
        return ROBOTS.received().stream().map(r -> {
            try {
                return JSON.readTree(r.body()).get("text").get("content").asText();
            } catch (Exception e) {
                throw new AssertionError("not a robot's JSON: " + r.body(), e);
            }
        }).filter(content -> content.startsWith("【" + tag + "】")).toList();
    }

    private static List<MimeMessage> mails(String tag) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(mail -> {
            try {
                return mail.getSubject().startsWith("【" + tag + "】");
            } catch (MessagingException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private List<Map> cases(String taskId) {
        return List.of(http.withBasicAuth("supervisor", "duban")
                .getForObject("/api/supervision/cases?taskId=" + taskId, Map[].class));
    }

    private Map view(String path) {
        return (Map) get("supervisor", path).get("view");
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
