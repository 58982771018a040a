package org.duban.app.notification;

import org.duban.api.reporting.ReportEscalated;
import org.duban.api.reporting.ReportReminded;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.supervision.CaseTrigger;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RectificationRejected;
import org.duban.api.supervision.SupervisedItem;
import org.duban.api.supervision.SupervisionCaseEscalated;
import org.duban.api.supervision.SupervisionNoticeIssued;
import org.duban.api.unit.UnitNotificationChannels;
import org.duban.api.unit.UnitRef;
import org.duban.api.unit.WebhookKind;
import org.duban.app.notification.OutboxStore.OutboxMessage;
import org.duban.app.web.PeriodNames;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events a unit hears of become one outbox message per channel it has on, worded as a sentence in Chinese with
 * the page to open. The case events come from the supervision case; their handlers are called here directly.
 */
class NotificationOutboxTest {
    private static final String HEALTH = "unit-health";
    private static final String TASK = "task-1";
    private static final String TASK_TEXT = "推进区中医院二期工程建设，完成主体结构并投入使用，提升中医药服务能力和水平，打造区域中医医疗中心";
    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    private final Directory directory = new Directory();
    private final List<OutboxMessage> outbox = new ArrayList<>();
    private final NotificationOutbox handler = new NotificationOutbox(directory, messages(), (m, now) -> outbox.add(m),
            true, () -> NOW);

    static NotificationMessages messages() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("i18n/common", "i18n/events", "i18n/notification");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        return new NotificationMessages(bundles, new PeriodNames(bundles), "https://duban.example.gov.cn");
    }

    @Test
    void a_report_reminder_reaches_the_lead_unit_by_email_and_robot_in_one_sentence() {
        directory.bothChannels();
        handler.on(new ReportReminded(TASK, "2026-Q4", LocalDate.of(2027, 1, 11), "请尽快补充佐证。"), "event-1");

        assertThat(outbox).extracting(OutboxMessage::channel).containsExactly(Channel.EMAIL, Channel.WECOM);
        OutboxMessage email = outbox.get(0);
        assertThat(email.id()).isEqualTo("event-1/unit-health/EMAIL");
        assertThat(email.recipient()).isEqualTo("office@health.example.cn, chief@health.example.cn");
        assertThat(email.body()).isEqualTo("【催报提醒】区卫生健康委：任务“推进区中医院二期工程建设，完成主体结构并投入使用，提升中医药服务能力和水平，打造…”"
                + "2026年第四季度进展报告请于2027年1月11日前报送。督查室提示：请尽快补充佐证。查看：https://duban.example.gov.cn/tasks/task-1");
        assertThat(email.subject()).startsWith("【催报提醒】任务“推进区中医院").endsWith("2026年第四季度进展报告");
        assertThat(email.listed()).isFalse();
        assertThat(outbox.get(1).recipient()).isEqualTo("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k");
        assertThat(outbox.get(1).body()).isEqualTo(email.body());
    }

    @Test
    void a_returned_and_an_escalated_report_say_why_and_what_to_do() {
        directory.bothChannels();
        handler.on(new ReportReturned(TASK, "2026-Q4", 1, "缺少资金到位佐证"), "event-2");
        handler.on(new ReportEscalated(TASK, "2026-Q4"), "event-3");

        assertThat(outbox.get(0).body()).startsWith("【报告退回】区卫生健康委：任务“推进区中医院")
                .endsWith("2026年第四季度进展报告被退回，理由：缺少资金到位佐证，请修改后重新报送。查看：https://duban.example.gov.cn/tasks/task-1");
        assertThat(outbox.get(2).body()).startsWith("【逾期上报】区卫生健康委：任务“")
                .endsWith("2026年第四季度进展报告已逾期，已报督查室，请尽快报送。查看：https://duban.example.gov.cn/tasks/task-1");
    }

    @Test
    void a_notice_names_its_grade_the_item_the_reason_and_the_day_to_answer_by() {
        directory.bothChannels();
        handler.on(new SupervisionNoticeIssued("case-1", "plan-1", "区政府督查室", SupervisedItem.report(TASK, "2026-Q4"),
                new UnitRef(HEALTH, "区卫生健康委（区疾控局）"), NoticeGrade.NOTICE, CaseTrigger.REPORT_OVERDUE,
                "进展报告逾期5个工作日。", LocalDate.of(2026, 12, 8)), "event-4");

        assertThat(outbox).hasSize(2);
        assertThat(outbox.get(0).body()).startsWith("【督办通知】区卫生健康委（区疾控局）：任务“推进区中医院")
                .endsWith("2026年第四季度进展报告被督办，理由：进展报告逾期5个工作日，请于2026年12月8日前报送整改方案。"
                        + "查看：https://duban.example.gov.cn/supervision/cases/case-1");
        assertThat(outbox.get(0).listed()).isFalse();
        assertThat(outbox.get(0).eventType()).isEqualTo("SupervisionNoticeIssued");
    }

    @Test
    void listed_supervision_is_marked_to_pass_the_quiet_hours() {
        directory.bothChannels();
        directory.cases.put("case-2", new NotificationDirectory.CaseFacts(null, null, "indicator-1", NoticeGrade.LISTED));
        handler.on(new SupervisionNoticeIssued("case-2", "plan-1", "区政府督查室", SupervisedItem.indicator("indicator-1"),
                new UnitRef(HEALTH, "区卫生健康委"), NoticeGrade.LISTED, CaseTrigger.MANUAL, null, null), "event-5");
        handler.on(new SupervisionCaseEscalated("case-2", "plan-1", HEALTH, NoticeGrade.NOTICE, NoticeGrade.LISTED,
                LocalDate.of(2026, 12, 15), "逾期未整改"), "event-6");
        handler.on(new RectificationRejected("case-2", "plan-1", HEALTH, "佐证不足"), "event-7");

        assertThat(outbox).allMatch(OutboxMessage::listed);
        assertThat(outbox.get(0).body()).isEqualTo("【挂牌督办】区卫生健康委：指标“中医类医院床位数”被督办，请尽快报送整改方案。"
                + "查看：https://duban.example.gov.cn/supervision/cases/case-2");
        assertThat(outbox.get(2).body()).isEqualTo("【挂牌督办】区卫生健康委：指标“中医类医院床位数”的督办已升级为挂牌督办，"
                + "理由：逾期未整改，请于2026年12月15日前报送整改方案。查看：https://duban.example.gov.cn/supervision/cases/case-2");
        assertThat(outbox.get(4).body()).isEqualTo("【整改退回】区卫生健康委：指标“中医类医院床位数”的整改结果被退回，理由：佐证不足，"
                + "请继续整改后重新报送。查看：https://duban.example.gov.cn/supervision/cases/case-2");
    }

    @Test
    void a_unit_without_channels_or_with_them_off_is_told_in_its_inbox_only() {
        handler.on(new ReportReminded(TASK, "2026-Q4", LocalDate.of(2027, 1, 11), null), "event-8");
        directory.channels = new UnitNotificationChannels(HEALTH, List.of("a@b.cn"), false, "https://x.cn/h",
                WebhookKind.WECOM, null, false, NOW);
        handler.on(new ReportReminded(TASK, "2026-Q4", LocalDate.of(2027, 1, 11), null), "event-9");
        assertThat(outbox).isEmpty();
    }

    @Test
    void without_a_mail_server_only_the_robot_is_used() {
        directory.bothChannels();
        NotificationOutbox noMail = new NotificationOutbox(directory, messages(), (m, now) -> outbox.add(m), false, () -> NOW);
        noMail.on(new ReportReminded(TASK, "2026-Q4", null, null), "event-10");
        assertThat(outbox).extracting(OutboxMessage::channel).containsExactly(Channel.WECOM);
        assertThat(outbox.get(0).body()).contains("进展报告请尽快报送。查看：");
    }

    private static final class Directory implements NotificationDirectory {
        UnitNotificationChannels channels;
        final Map<String, CaseFacts> cases = new HashMap<>();

        void bothChannels() {
            channels = new UnitNotificationChannels(HEALTH, List.of("office@health.example.cn", "chief@health.example.cn"),
                    true, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", WebhookKind.WECOM, null, true, NOW);
        }

        @Override
        public Optional<TaskFacts> task(String taskId) {
            return taskId.equals(TASK) ? Optional.of(new TaskFacts(TASK, TASK_TEXT, new UnitRef(HEALTH, "区卫生健康委")))
                    : Optional.empty();
        }

        @Override
        public String unitName(String unitId) {
            return unitId.equals(HEALTH) ? "区卫生健康委" : unitId;
        }

        @Override
        public Optional<String> indicatorName(String indicatorId) {
            return Optional.of("中医类医院床位数");
        }

        @Override
        public Optional<CaseFacts> supervisionCase(String caseId) {
            return Optional.ofNullable(cases.get(caseId));
        }

        @Override
        public Optional<UnitNotificationChannels> channels(String unitId) {
            return Optional.ofNullable(channels).filter(c -> c.unitId().equals(unitId));
        }
    }
}
