package org.duban.app.audit.trail;

import org.duban.api.Role;
import org.duban.api.audit.AuditEntry;
import org.duban.api.audit.AuditEntry.Change;
import org.duban.app.audit.trail.EventWording.ChangeLine;
import org.duban.app.audit.trail.EventWording.WordedEvent;
import org.duban.app.security.AccountProperties;
import org.duban.app.security.AccountProperties.Account;
import org.duban.app.web.PeriodNames;
import org.duban.app.web.Times;
import org.duban.process.steps.StepHistory;
import org.duban.process.steps.StepKind;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class EventWordingTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final Locale EN = Locale.ENGLISH;
    private static final String TASK = "4f1c2b9e-8d2a-4c61-a7f3-2e9b5d0c1a77";
    private static final Instant AT = Instant.parse("2026-12-01T02:42:00Z");
    /** What a clerk must never read: JSON, ids, braces of an unfilled sentence, field paths, upper-case codes. */
    private static final Pattern RAW = Pattern.compile(
            "[{}\\[\\]\"]|[0-9a-f]{8}-[0-9a-f]{4}|unit-[0-9a-f]|\\b[a-z]+[A-Z][A-Za-z]*\\b|\\b[A-Z]{2,}(_[A-Z]+)*\\b");

    private final ResourceBundleMessageSource messages = Bundles.messages();
    private final StepHistory steps = mock(StepHistory.class);
    private final EventWording wording = new EventWording(messages, new AccountProperties(List.of(
            new Account("zhang", "{noop}x", "张三", Role.UNIT_USER, "区卫生健康委"),
            new Account("supervisor", "{noop}x", "李四", Role.SUPERVISOR, "区政府督查室"))),
            new PeriodNames(messages), steps, new Times());

    private static AuditEntry entry(String type, String user, String unit, String role, String summary,
                                    String userTaskId, Change... changes) {
        return new AuditEntry("e-1", "Task", TASK, 3, type, AT, user, unit, role, null, userTaskId == null ? null : "pi-1",
                userTaskId, null, "plan-1", TASK, null, List.of(changes), summary);
    }

    @Test
    void an_acknowledgement_reads_as_the_unit_and_the_person_who_acknowledged_the_task() {
        WordedEvent zh = wording.word(entry("TaskAcknowledged", "zhang", "区卫生健康委", "UNIT_USER",
                "TaskAcknowledged[taskId=" + TASK + ", unitId=unit-0f66aa]", null, new Change("unitId", null, "unit-0f66aa")), ZH);
        assertThat(zh.sentence()).isEqualTo("区卫生健康委 张三 签收了任务");
        assertThat(zh.name()).isEqualTo("签收");
        assertThat(zh.role()).isEqualTo("单位经办人");
        assertThat(zh.changes()).isEmpty();
        WordedEvent en = wording.word(entry("TaskAcknowledged", "zhang", "区卫生健康委", "UNIT_USER", null, null), EN);
        assertThat(en.sentence()).endsWith(" acknowledged the task");
        assertThat(en.role()).isEqualTo("Unit clerk");
    }

    @Test
    void timers_and_the_daily_opening_act_as_the_system() {
        WordedEvent overdue = wording.word(entry("ReportMarkedOverdue", "system", null, "SYSTEM",
                "ReportMarkedOverdue[taskId=" + TASK + ", periodKey=2026-Q4, overdueOn=2027-01-18]", null,
                new Change("overdueOn", null, "2027-01-18")), ZH);
        assertThat(overdue.sentence()).isEqualTo("系统 认定2026年第四季度进展报告逾期");
        assertThat(overdue.changes()).containsExactly(new ChangeLine("逾期认定日", null, "2027-01-18"));
        assertThat(wording.word(entry("ReportMarkedOverdue", null, null, null, null, null), EN).sentence())
                .startsWith("System marked the");
    }

    @Test
    void an_unknown_user_is_named_by_the_user_name_with_the_unit() {
        assertThat(wording.actor("wang", "区发展改革委", "UNIT_USER", ZH)).isEqualTo("区发展改革委 wang");
    }

    @Test
    void a_change_of_units_shows_labels_and_unit_names_joined_and_no_ids_or_json() {
        WordedEvent approved = wording.word(entry("TaskUnitsChanged", "supervisor", "区政府督查室", "SUPERVISOR", null, null,
                new Change("leadUnit.unitId", "unit-0f66aa", "unit-77ab01"),
                new Change("leadUnit.name", "区卫生健康委", "区发展改革委"),
                new Change("coUnits", null, "[{\"unitId\":\"unit-0f66aa\",\"name\":\"区卫生健康委\"},"
                        + "{\"unitId\":\"unit-12cd34\",\"name\":\"区财政局\"}]"),
                new Change("planId", null, "plan-1")), ZH);
        assertThat(approved.sentence()).isEqualTo("区政府督查室 李四 变更了责任单位");
        assertThat(approved.changes()).containsExactly(
                new ChangeLine("牵头单位", "区卫生健康委", "区发展改革委"),
                new ChangeLine("配合单位", null, "区卫生健康委、区财政局"));
        assertThat(wording.changes(List.of(new Change("coUnits", null, "[{\"unitId\":\"u\",\"name\":\"A\"},{\"unitId\":\"v\",\"name\":\"B\"}]")), EN))
                .containsExactly(new ChangeLine("Co-units", null, "A, B"));
    }

    @Test
    void a_report_shows_its_period_in_words_its_status_by_name_and_its_text_shortened() {
        String narrative = "区中医院二期工程完成主体结构，".repeat(10);
        WordedEvent submitted = wording.word(entry("ReportSubmitted", "zhang", "区卫生健康委", "UNIT_USER",
                "ReportSubmitted[taskId=" + TASK + ", periodKey=2026-Q4, unitId=unit-0f66aa, round=1, content=…]", "ut-1",
                new Change("round", null, "1"), new Change("content.status", null, "IN_PROGRESS"),
                new Change("content.narrative", null, narrative),
                new Change("content.evidence", null, "[{\"evidenceId\":\"" + TASK + "\",\"fileName\":\"进展佐证.pdf\",\"size\":10}]")), ZH);
        assertThat(submitted.sentence()).isEqualTo("区卫生健康委 张三 报送了2026年第四季度进展报告");
        assertThat(submitted.changes()).extracting(ChangeLine::label).containsExactly("报送轮次", "完成情况", "工作进展", "佐证材料");
        assertThat(submitted.changes().get(1).after()).isEqualTo("推进中");
        assertThat(submitted.changes().get(2).after()).hasSize(80).endsWith("…");
        assertThat(submitted.changes().get(3).after()).isEqualTo("进展佐证.pdf");
        WordedEvent en = wording.word(entry("ReportSubmitted", "zhang", "区卫生健康委", "UNIT_USER",
                "ReportSubmitted[taskId=x, periodKey=2026-Q4, unitId=y]", null, new Change("content.status", null, "IN_PROGRESS")), EN);
        assertThat(en.sentence()).endsWith(" submitted the Q4 2026 report");
        assertThat(en.changes()).containsExactly(new ChangeLine("Completion", null, "In progress"));
    }

    @Test
    void the_step_an_event_came_through_is_named_not_numbered() {
        when(steps.kindOf(any())).thenReturn(Optional.empty());
        when(steps.kindOf("ut-9")).thenReturn(Optional.of(StepKind.REVIEW_REPORT));
        assertThat(wording.word(entry("ReportReturned", "supervisor", "区政府督查室", "SUPERVISOR",
                "ReportReturned[taskId=x, periodKey=2026-M11, round=1, reason=缺少佐证]", "ut-9"), ZH))
                .satisfies(e -> {
                    assertThat(e.step()).isEqualTo("审核报告");
                    assertThat(e.sentence()).isEqualTo("区政府督查室 李四 退回了2026年11月进展报告");
                });
        assertThat(wording.word(entry("ReportReturned", "supervisor", null, "SUPERVISOR", null, "ut-9"), EN).step())
                .isEqualTo("Review report");
    }

    @Test
    void dates_and_moments_read_as_dates_and_codes_by_their_names() {
        assertThat(wording.changes(List.of(new Change("acknowledgeBy", null, "2026-12-15"),
                new Change("cadence", "MONTHLY", "QUARTERLY"), new Change("kind", null, "UNITS"),
                new Change("dueDate", null, "2026-06-30T16:00:00Z"), new Change("collective", null, "false")), ZH))
                .containsExactly(new ChangeLine("签收期限", null, "2026-12-15"), new ChangeLine("报送周期", "每月", "每季度"),
                        new ChangeLine("调整类型", null, "责任单位"), new ChangeLine("完成时限", null, "2026-07-01 00:00"),
                        new ChangeLine("集合单位", null, "否"));
    }

    @Test
    void every_event_reads_without_raw_keys_json_or_ids_in_both_languages() {
        for (String type : EventWording.EVENT_TYPES) {
            for (Locale locale : new Locale[]{ZH, EN}) {
                WordedEvent e = wording.word(entry(type, "zhang", "区卫生健康委", "UNIT_USER",
                        type + "[taskId=" + TASK + ", periodKey=2026-Q4]", null,
                        new Change("taskId", null, TASK), new Change("leadUnit.unitId", null, "unit-0f66aa"),
                        new Change("coUnits", null, "[{\"unitId\":\"unit-0f66aa\",\"name\":\"区财政局\"}]")), locale);
                String read = e.name() + " " + e.sentence() + " " + e.changes();
                assertThat(read).as(type + " in " + locale).doesNotContain("event.", "field.", TASK, "unit-0f66aa", "{0}", "{1}");
                assertThat(RAW.matcher(e.sentence()).find()).as(type + ": " + e.sentence()).isFalse();
                assertThat(e.changes()).containsExactly(new ChangeLine(locale == ZH ? "配合单位" : "Co-units", null, "区财政局"));
            }
        }
    }

    @Test
    void an_event_the_bundles_do_not_know_is_not_named_by_its_class() {
        WordedEvent e = wording.word(entry("SomethingNew", "zhang", "区卫生健康委", "UNIT_USER", null, null,
                new Change("strangeField", null, "x")), ZH);
        assertThat(e.name()).isEqualTo("其他事件");
        assertThat(e.sentence()).doesNotContain("SomethingNew");
        assertThat(e.changes()).containsExactly(new ChangeLine("其他字段", null, "x"));
    }
}
