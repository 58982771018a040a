package org.duban.app.plan.importing;

import org.duban.app.plan.importing.PlanContent.IndicatorDraft;
import org.duban.app.plan.importing.PlanContent.SectionDraft;
import org.duban.app.plan.importing.PlanContent.TaskDraft;
import org.duban.app.plan.importing.RowOutcome.Kind;
import org.duban.app.plan.importing.SourceTable.SourceRow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables laid out as offices lay them out, interpreted row by row, with every row accounted for. */
class TableLayoutsTest {

    /** Rows as "a | b | c", numbered from 1; an empty line is a blank row. */
    private static SourceTable table(String name, String... rows) {
        List<SourceRow> parsed = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            List<String> cells = rows[i].isEmpty() ? List.of()
                    : Arrays.stream(rows[i].split("\\|", -1)).map(String::strip).toList();
            parsed.add(new SourceRow(i + 1, cells));
        }
        return new SourceTable(name, parsed);
    }

    private static TableInterpreter interpreter;

    private static PlanContent read(SourceTable... tables) {
        interpreter = new TableInterpreter("test.xlsx", null);
        PlanContent content = interpreter.interpret(List.of(tables));
        // every non-empty row has exactly one outcome
        for (SourceTable table : tables) {
            for (SourceRow row : table.rows()) {
                long outcomes = content.rows().stream()
                        .filter(o -> o.table().equals(table.name()) && o.row() == row.number()).count();
                assertThat(outcomes).as("outcomes of %s row %d", table.name(), row.number())
                        .isEqualTo(row.isBlank() ? 0 : 1);
            }
        }
        return content;
    }

    private static Kind kindOf(PlanContent content, int row) {
        return content.rows().stream().filter(o -> o.row() == row).findFirst().orElseThrow().kind();
    }

    @Test
    void heading_rows_spanning_the_table_become_sections_and_the_caption_is_not_a_task() {
        PlanContent content = read(table("分工",
                "重庆市中医药传承创新重点任务分工表",
                "序号 | 工作任务 | 责任单位 | 备注",
                "一、总体要求 |  |  | ",
                "（一）加强组织领导。 |  |  | ",
                "1 | 建立联席会议制度 | 市卫生健康委、市发展改革委 | ",
                "2 | 制定年度工作要点 | 市卫生健康委 | 每年3月前",
                "（二）强化要素保障。",
                "3 | 落实财政投入 | 市财政局、各区县（自治县，以下简称区县）政府 | ",
                "二、重点任务",
                "4 | 建设中医医院 | 市发展改革委、市财政局等部门 | ",
                "注：各项任务均需按季度报送进展。"));

        assertThat(content.sections()).extracting(SectionDraft::level, SectionDraft::code, SectionDraft::title)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "一、", "总体要求"),
                        org.assertj.core.groups.Tuple.tuple(2, "（一）", "加强组织领导"),
                        org.assertj.core.groups.Tuple.tuple(2, "（二）", "强化要素保障"),
                        org.assertj.core.groups.Tuple.tuple(1, "二、", "重点任务"));
        assertThat(content.tasks()).extracting(TaskDraft::code).containsExactly("1", "2", "3", "4");
        // a task directly under a level-1 heading sits in that section
        TaskDraft fourth = content.tasks().get(3);
        assertThat(fourth.sectionKey()).isEqualTo(content.sections().get(3).key());
        assertThat(fourth.unitNames()).containsExactly("市发展改革委", "市财政局");
        assertThat(fourth.remark()).contains("等部门");
        assertThat(content.tasks().get(2).unitNames()).containsExactly("市财政局", "各区县政府");
        assertThat(content.tasks().get(2).remark()).contains("以下简称区县");
        assertThat(content.tasks()).allSatisfy(task -> assertThat(task.sectionKey()).isNotNull());

        assertThat(kindOf(content, 1)).isEqualTo(Kind.CAPTION);
        assertThat(kindOf(content, 2)).isEqualTo(Kind.HEADER);
        assertThat(kindOf(content, 3)).isEqualTo(Kind.SECTION_LEVEL_1);
        assertThat(kindOf(content, 4)).isEqualTo(Kind.SECTION_LEVEL_2);
        assertThat(kindOf(content, 5)).isEqualTo(Kind.TASK);
        assertThat(kindOf(content, 11)).isEqualTo(Kind.NOTE);
        assertThat(interpreter.errors()).isEmpty();
    }

    @Test
    void a_level_one_heading_row_above_level_columns_makes_three_levels() {
        PlanContent content = read(table("分工",
                "序号 | 重点领域 | 工作任务 | 责任单位 | 完成时限",
                "一、服务体系建设",
                "1 | （一）医院建设 | 建成市中医院新院区 | 市卫生健康委 | 2025年底前",
                "2 |  | 改造县级中医院 | 各区县政府 | 2024年6月底前",
                "3 | （二）基层服务 | 建设中医馆 | 市卫生健康委 | 长期坚持",
                "二、人才队伍",
                "4 | （一）人才培养 | 培养中医骨干 | 市卫生健康委 | 持续推进"));

        assertThat(content.sections()).extracting(SectionDraft::level).containsExactly(1, 2, 2, 1, 2);
        assertThat(content.tasks()).extracting(TaskDraft::dueDate).containsExactly(LocalDate.of(2025, 12, 31),
                LocalDate.of(2024, 6, 30), null, null);
        assertThat(content.tasks().get(2).remark()).isEqualTo("完成时限：长期坚持");
        assertThat(content.tasks().get(1).unitNames()).containsExactly("各区县政府");
        assertThat(interpreter.warnings()).isEmpty();
    }

    @Test
    void a_header_repeated_after_a_page_break_is_accounted_for_and_units_do_not_carry_across_headings() {
        PlanContent content = read(table("分工",
                "序号 | 工作任务 | 牵头单位 | 配合单位",
                "一、服务",
                "1 | 建设中医馆 | 市卫生健康委 | 市财政局",
                "序号 | 工作任务 | 牵头单位 | 配合单位",
                "2 | 推广适宜技术 | 市卫生健康委 | ",
                "二、产业",
                "3 | 培育龙头企业 |  | "));

        assertThat(kindOf(content, 4)).isEqualTo(Kind.REPEATED_HEADER);
        assertThat(content.tasks()).extracting(TaskDraft::code).containsExactly("1", "2");
        assertThat(content.tasks().get(0).unitNames()).containsExactly("市卫生健康委", "市财政局");
        // no unit written under 二、产业: the row is refused rather than given the units of another heading
        assertThat(kindOf(content, 7)).isEqualTo(Kind.REFUSED);
        assertThat(interpreter.errors()).singleElement().satisfies(error -> {
            assertThat(error.row()).isEqualTo(7);
            assertThat(error.message()).contains("责任单位");
            assertThat(error.messageEn()).contains("responsible unit");
        });
    }

    @Test
    void a_row_that_cannot_be_placed_is_named_and_refused() {
        PlanContent content = read(table("分工",
                "序号 | 工作任务 | 责任单位 | 备注",
                "1 | 建设中医馆 | 市卫生健康委 | ",
                " |  | 市财政局 | 资金另行下达"));

        assertThat(content.tasks()).hasSize(1);
        assertThat(kindOf(content, 3)).isEqualTo(Kind.REFUSED);
        assertThat(interpreter.errors()).singleElement().satisfies(error -> assertThat(error.row()).isEqualTo(3));
    }

    @Test
    void values_that_look_like_years_are_values_and_the_printed_numbers_are_kept() {
        PlanContent content = read(table("指标",
                "序号 | 主要指标 | 2020年 | 2025年 | 属性",
                "（一）服务体系",
                "1 | 中医医疗机构数（个） | 1850 | 2300 | 预期性",
                "2 | 中医类别执业医师数（人） | 2021 | 2600 | 预期性",
                "（二）人才队伍",
                "3 | 每千人口中医类别执业医师数（人） | — | ≥0.62 | ",
                "4 | 中医药重点实验室（个） | / | 1—2 | ",
                "注：以上指标均为预期性指标"));

        assertThat(content.indicators()).extracting(IndicatorDraft::code).containsExactly("1", "2", "3", "4");
        assertThat(content.indicators().get(0).target().asWritten()).isEqualTo("2300");
        assertThat(content.indicators().get(1).baseline().asWritten()).isEqualTo("2021");
        assertThat(content.indicators().get(2).remark()).contains("人才队伍");
        assertThat(content.indicators()).allSatisfy(i -> assertThat(i.attribute()).isNotNull());
        assertThat(content.rows()).filteredOn(o -> o.kind() == Kind.INDICATOR).hasSize(4);
        assertThat(interpreter.errors()).isEmpty();
    }

    @Test
    void a_sheet_that_is_not_a_table_is_reported_row_by_row_and_in_a_warning() {
        PlanContent content = read(
                table("分工", "序号 | 工作任务 | 责任单位", "1 | 建设中医馆 | 市卫生健康委"),
                table("说明", "本表由市卫生健康委汇总。", "联系人：张三"));

        assertThat(content.rows()).filteredOn(o -> o.table().equals("说明"))
                .extracting(RowOutcome::kind).containsExactly(Kind.SKIPPED, Kind.SKIPPED);
        assertThat(interpreter.warnings()).anySatisfy(w -> assertThat(w.table()).isEqualTo("说明"));
    }

    @Test
    void tables_declared_by_name_are_read_as_declared_and_a_wrong_declaration_is_named() {
        SourceTable tasks = table("任务", "序号 | 工作任务 | 责任单位", "1 | 建设中医馆 | 市卫生健康委");
        SourceTable notes = table("说明", "序号 | 工作任务 | 责任单位", "本表由市卫生健康委汇总。");
        SourceTable indicators = table("指标", "序号 | 指标名称 | 2025年", "1 | 中医馆数（个） | 30");

        interpreter = new TableInterpreter("test.xlsx", null,
                TableDeclarations.parse("说明=SKIP; 指标=INDICATORS"));
        PlanContent content = interpreter.interpret(List.of(tasks, notes, indicators));
        assertThat(content.tasks()).hasSize(1);
        assertThat(content.indicators()).hasSize(1);
        assertThat(content.rows()).filteredOn(o -> o.table().equals("说明")).extracting(RowOutcome::kind)
                .containsExactly(Kind.SKIPPED, Kind.SKIPPED);
        assertThat(interpreter.errors()).isEmpty();
        assertThat(interpreter.warnings()).isEmpty();

        interpreter = new TableInterpreter("test.xlsx", null, TableDeclarations.parse("指标=TASKS; 附表=SKIP"));
        interpreter.interpret(List.of(tasks, indicators));
        assertThat(interpreter.errors()).extracting(ImportProblem::table).containsExactlyInAnyOrder("附表", "指标");
    }

    @Test
    void beside_a_lead_column_a_responsible_units_column_names_the_co_units() {
        PlanContent content = read(table("分工",
                "序号 | 工作措施 | 牵头单位 | 责任单位 | 时间安排",
                "1 | 建设中医馆 | 市卫生健康委 | 市财政局、各区县政府 | 2025年底前",
                "2 | 推广适宜技术 | 市卫生健康委 |  | 持续推进"));

        assertThat(content.tasks()).extracting(TaskDraft::unitNames).containsExactly(
                List.of("市卫生健康委", "市财政局", "各区县政府"), List.of("市卫生健康委"));
        assertThat(interpreter.errors()).isEmpty();
    }

    @Test
    void a_heading_numbered_in_the_number_column_with_its_title_beside_it_is_a_heading() {
        PlanContent content = read(table("分工",
                "序号 | 重点任务 | 责任单位 | 完成时限",
                "一 | 提升服务能力 |  | ",
                "（一） | 加强医院建设 |  | ",
                "1 | 建设中医馆 | 市卫生健康委 | 2025年底前",
                "2 | 推广适宜技术 |  | 持续推进",
                "二 | 壮大产业 |  | ",
                "3 | 培育龙头企业 | 市经济信息委 | "));

        assertThat(content.sections()).extracting(SectionDraft::level, SectionDraft::code, SectionDraft::title)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "一、", "提升服务能力"),
                        org.assertj.core.groups.Tuple.tuple(2, "（一）", "加强医院建设"),
                        org.assertj.core.groups.Tuple.tuple(1, "二、", "壮大产业"));
        // task 2's unit is merged from task 1's cell, under the same heading
        assertThat(content.tasks()).extracting(TaskDraft::unitNames)
                .containsExactly(List.of("市卫生健康委"), List.of("市卫生健康委"), List.of("市经济信息委"));
        assertThat(content.tasks().get(2).sectionKey()).isEqualTo(content.sections().get(2).key());
        assertThat(interpreter.errors()).isEmpty();
    }

    @Test
    void a_header_of_two_rows_names_the_columns_under_its_spanning_headings() {
        PlanContent tasks = read(table("分工",
                "序号 | 工作任务 | 责任单位 | ",
                " |  | 牵头单位 | 配合单位",
                "1 | 建设中医馆 | 市卫生健康委 | 市财政局"));
        assertThat(tasks.tasks()).singleElement().satisfies(task ->
                assertThat(task.unitNames()).containsExactly("市卫生健康委", "市财政局"));
        assertThat(kindOf(tasks, 2)).isEqualTo(Kind.HEADER);
        assertThat(interpreter.errors()).isEmpty();

        PlanContent indicators = read(table("指标",
                "序号 | 主要指标 | 指标值 |  | 属性",
                " |  | 2020年 | 2025年 | ",
                "1 | 中医医疗机构数（个） | 1850 | 2300 | 预期性"));
        assertThat(indicators.indicators()).singleElement().satisfies(indicator -> {
            assertThat(indicator.baseline().asWritten()).isEqualTo("1850");
            assertThat(indicator.target().asWritten()).isEqualTo("2300");
            assertThat(indicator.target().year()).isEqualTo(2025);
        });
        assertThat(interpreter.errors()).isEmpty();
    }
}
