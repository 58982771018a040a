package org.duban.api;

import org.duban.api.indicator.DefineIndicator;
import org.duban.api.indicator.Target;
import org.duban.api.plan.CreatePlan;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.IndicatorValue;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReturnReport;
import org.duban.api.task.CreateTask;
import org.duban.api.unit.UnitRef;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A message over the contract's limits cannot be made, and the refusal names the field and the limit. */
class ContractLimitsTest {
    private static final PlanPeriod PERIOD = new PlanPeriod(2024, 2027);
    private static final UnitRef HEALTH = new UnitRef("unit-1", "区卫生健康委");

    @Test
    void texts_up_to_their_limit_are_taken_and_one_more_character_is_refused_by_name() {
        assertThat(new ReturnReport("t-1", "2025-Q1", "因".repeat(Limits.REASON)).reason()).hasSize(Limits.REASON);
        assertThatThrownBy(() -> new ReturnReport("t-1", "2025-Q1", "因".repeat(Limits.REASON + 1)))
                .hasMessage("reason is 2001 characters long; at most 2000 are accepted");
        assertThatThrownBy(() -> new CreatePlan("p-1", "规".repeat(Limits.TITLE + 1), null, "重庆市人民政府办公厅", PERIOD,
                "区政府督查室")).hasMessage("title is 501 characters long; at most 500 are accepted");
        assertThatThrownBy(() -> new ReportContent("进".repeat(Limits.NARRATIVE + 1), CompletionStatus.IN_PROGRESS, 10,
                null, null, null, null)).hasMessage("progress narrative is 20001 characters long; at most 20000 are accepted");
        assertThatThrownBy(() -> new IndicatorValue("i-1", "9".repeat(Limits.VALUE + 1)))
                .hasMessage("indicator value is 201 characters long; at most 200 are accepted");
    }

    @Test
    void lists_over_their_limit_are_refused_by_name() {
        List<IndicatorValue> values = Collections.nCopies(Limits.INDICATOR_VALUES + 1, new IndicatorValue("i-1", "12"));
        assertThatThrownBy(() -> new ReportContent("进展", CompletionStatus.IN_PROGRESS, 10, values, null, null, null))
                .hasMessage("indicatorValues: 201 given; at most 200 are accepted");
        List<EvidenceRef> files = Collections.nCopies(Limits.EVIDENCE_FILES + 1,
                new EvidenceRef("e-1", "a.pdf", 1, "ab".repeat(32), "application/pdf"));
        assertThatThrownBy(() -> new ReportContent("进展", CompletionStatus.IN_PROGRESS, 10, null, null, null, files))
                .hasMessage("evidence: 51 given; at most 50 are accepted");
        List<UnitRef> coUnits = IntStream.rangeClosed(0, Limits.CO_UNITS)
                .mapToObj(i -> new UnitRef("unit-c" + i, "单位" + i)).toList();
        assertThatThrownBy(() -> new CreateTask("t-1", "p-1", null, 1, "1", "任务", HEALTH, coUnits, null, null, PERIOD,
                "区政府督查室")).hasMessage("coUnits: 101 given; at most 100 are accepted");
    }

    @Test
    void a_printed_number_is_optional_stripped_and_limited_like_an_id() {
        assertThat(new CreateTask("t-1", "p-1", null, 3, " （三） ", "任务", HEALTH, null, null, null, PERIOD,
                "区政府督查室").code()).isEqualTo("（三）");
        assertThat(new CreateTask("t-1", "p-1", null, 3, " ", "任务", HEALTH, null, null, null, PERIOD,
                "区政府督查室").code()).as("a blank printed number is none").isNull();
        assertThatThrownBy(() -> new CreateTask("t-1", "p-1", null, 3, "1".repeat(Limits.ID + 1), "任务", HEALTH, null,
                null, null, PERIOD, "区政府督查室")).hasMessage("code is 101 characters long; at most 100 are accepted");
        Target target = Target.parse(2027, "不少于16");
        assertThat(new DefineIndicator("i-1", "p-1", null, 1, "12", "t-1", "中医医疗机构数", "个", null, target, null,
                null, null, null).code()).isEqualTo("12");
        assertThatThrownBy(() -> new DefineIndicator("i-1", "p-1", null, 1, "1".repeat(Limits.ID + 1), null, "中医医疗机构数",
                "个", null, target, null, null, null, null))
                .hasMessage("code is 101 characters long; at most 100 are accepted");
    }

    @Test
    void an_indicator_names_the_task_that_states_it_by_id_or_by_none() {
        Target target = Target.parse(2025, "70%");
        assertThat(new DefineIndicator("i-1", "p-1", null, 1, null, " ", "二级以上中医医院设置康复科比例", "%", null,
                target, null, null, null, null).taskId()).isNull();
        assertThatThrownBy(() -> new DefineIndicator("i-1", "p-1", null, 1, null, "t 1", "二级以上中医医院设置康复科比例",
                "%", null, target, null, null, null, null))
                .hasMessage("taskId \"t 1\" must not contain spaces or line breaks");
    }

    @Test
    void control_characters_and_broken_characters_are_refused_but_line_breaks_are_kept() {
        assertThatThrownBy(() -> new ReturnReport("t-1", "2025-Q1", "缺少\u0000佐证"))
                .hasMessage("reason contains the control character U+0000 at position 3; remove it");
        assertThatThrownBy(() -> new ReturnReport("t-1", "2025-Q1", "缺少\ud800佐证"))
                .hasMessage("reason contains a broken character at position 3");
        assertThat(new ReturnReport("t-1", "2025-Q1", "缺少佐证\n请补充\t材料").reason()).isEqualTo("缺少佐证\n请补充\t材料");
        assertThat(new ReturnReport("t-1", "2025-Q1", "附件𠀀").reason()).as("a character beyond the BMP")
                .isEqualTo("附件𠀀");
        assertThatThrownBy(() -> new ReturnReport("t 1", "2025-Q1", "x"))
                .hasMessage("taskId \"t 1\" must not contain spaces or line breaks");
    }

    @Test
    void numbers_beyond_what_the_views_keep_are_refused() {
        assertThatThrownBy(() -> Target.parse(2027, "1" + "0".repeat(16)))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> Target.parse(2027, "0.123456"))
                .hasMessageContaining("out of range");
        assertThat(Target.parse(2027, "不低于20%").low()).isEqualByComparingTo("20");
    }
}
