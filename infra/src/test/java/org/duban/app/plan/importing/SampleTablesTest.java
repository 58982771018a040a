package org.duban.app.plan.importing;

import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.TargetKind;
import org.duban.app.plan.importing.PlanContent.IndicatorDraft;
import org.duban.app.plan.importing.PlanContent.TaskDraft;
import org.duban.app.support.Uploads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped sample files, read and interpreted the way an import does, give the figures of the Dazu document. */
class SampleTablesTest {
    static final TableFiles FILES = new TableFiles(DataSize.ofMegabytes(20));

    static byte[] sample(String name) {
        return Uploads.sample(name);
    }

    static PlanContent interpret(String name, byte[] content) {
        TableInterpreter interpreter = new TableInterpreter(name, null);
        PlanContent plan = interpreter.interpret(FILES.read(name, content));
        assertThat(interpreter.errors()).extracting(ImportProblem::describe).isEmpty();
        return plan;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dazu-tcm-task-decomposition-2024.xlsx", "dazu-tcm-task-decomposition-2024.docx",
            "dazu-tcm-task-decomposition-2024.csv", "dazu-tcm-task-decomposition-2024-gb18030.csv"})
    void every_format_of_the_dazu_table_gives_the_same_plan(String file) {
        PlanContent plan = interpret(file, sample(file));

        assertThat(List.of(plan.sectionsAtLevel(1), plan.sectionsAtLevel(2), plan.sectionsAtLevel(3)))
                .containsExactly(8L, 21L, 59L);
        assertThat(plan.tasks()).hasSize(94);
        Set<String> names = plan.tasks().stream().flatMap(t -> t.unitNames().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(names).hasSize(18).contains("区卫生健康委（区疾控局）");
        Map<String, Long> leads = plan.tasks().stream()
                .collect(Collectors.groupingBy(t -> t.unitNames().get(0), Collectors.counting()));
        assertThat(leads).containsEntry("区卫生健康委", 62L).containsEntry("区市场监管局", 11L)
                .containsEntry("区农业农村委", 7L).containsEntry("区卫生健康委（区疾控局）", 6L)
                .containsEntry("区发展改革委", 4L).containsEntry("区科技局", 4L);

        TaskDraft first = plan.tasks().get(0);
        assertThat(first.unitNames()).containsExactly("区发展改革委", "区卫生健康委", "区财政局", "区规划自然资源局",
                "区住房城乡建委");
        assertThat(plan.tasks().get(1).unitNames()).isEqualTo(first.unitNames());

        assertThat(plan.indicators()).hasSize(12).allSatisfy(indicator -> {
            assertThat(indicator.baseline().year()).isEqualTo(2024);
            assertThat(indicator.target().year()).isEqualTo(2027);
        });
        Map<String, IndicatorDraft> byName = plan.indicators().stream()
                .collect(Collectors.toMap(IndicatorDraft::name, Function.identity()));
        assertThat(byName.get("市级中医重点（特色）专科").target().kind()).isEqualTo(TargetKind.RANGE);
        assertThat(byName.get("市级中医重点（特色）专科").target().low()).isEqualByComparingTo("13");
        assertThat(byName.get("市级中医重点（特色）专科").target().high()).isEqualByComparingTo("15");
        assertThat(byName.get("巴渝（青年）岐黄学者").target().kind()).isEqualTo(TargetKind.RANGE);
        assertThat(byName.get("市级科卫联合中医药科研项目").target().kind()).isEqualTo(TargetKind.RANGE);
        assertThat(byName.get("全口径中药材加工产值").unitOfMeasure()).isEqualTo("亿元");
        assertThat(byName.get("全口径中药材加工产值").baseline().value()).isEqualByComparingTo("2.5");
        assertThat(byName.get("重庆市名中医").unitNames()).containsExactly("区卫生健康委", "区人力社保局");
    }

    @Test
    void third_level_items_without_units_inherit_the_units_above() {
        PlanContent plan = interpret("dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"));
        Map<String, List<TaskDraft>> bySection = plan.tasks().stream()
                .collect(Collectors.groupingBy(TaskDraft::sectionKey));
        long thirdLevel = plan.sections().stream().filter(s -> s.level() == 3).count();
        assertThat(bySection).hasSize((int) thirdLevel);
    }

    @Test
    void the_chongqing_plan_gives_its_programmes_and_eleven_expected_indicators() {
        PlanContent plan = interpret("chongqing.csv", sample("chongqing-tcm-major-projects-2023-2027.csv"));

        assertThat(plan.sectionsAtLevel(1)).isEqualTo(8);
        assertThat(plan.sectionsAtLevel(2)).isEqualTo(22);
        assertThat(plan.sections().get(0).code()).isEqualTo("二、");
        assertThat(plan.tasks()).isEmpty();
        assertThat(plan.indicators()).hasSize(11)
                .allSatisfy(i -> assertThat(i.attribute()).isEqualTo(IndicatorAttribute.EXPECTED))
                .allSatisfy(i -> assertThat(i.baseline().year()).isEqualTo(2022));
        assertThat(plan.indicators().get(0).name()).isEqualTo("国家中医药综合改革示范区");
        assertThat(plan.indicators().get(0).unitOfMeasure()).isEqualTo("个");
        assertThat(plan.indicators().get(10).unitOfMeasure()).isEqualTo("亿元");
        assertThat(plan.indicators().get(8).target().kind()).isEqualTo(TargetKind.RANGE);
    }

    @Test
    void the_shipped_csv_samples_are_exactly_what_the_seed_text_gives() {
        assertThat(sample("dazu-tcm-task-decomposition-2024.csv"))
                .isEqualTo(SampleFiles.csv(SeedTables.dazu(), java.nio.charset.StandardCharsets.UTF_8, true));
        assertThat(sample("dazu-tcm-task-decomposition-2024-gb18030.csv"))
                .isEqualTo(SampleFiles.csv(SeedTables.dazu(), java.nio.charset.Charset.forName("GB18030"), false));
        assertThat(sample("chongqing-tcm-major-projects-2023-2027.csv"))
                .isEqualTo(SampleFiles.csv(SeedTables.chongqing(), java.nio.charset.StandardCharsets.UTF_8, true));
    }

    @Test
    void the_workbook_and_the_document_hold_the_seed_rows_cell_for_cell() {
        SeedTables seed = SeedTables.dazu();
        List<SourceTable> workbook = FILES.read("dazu.xlsx", sample("dazu-tcm-task-decomposition-2024.xlsx"));
        List<SourceTable> document = FILES.read("dazu.docx", sample("dazu-tcm-task-decomposition-2024.docx"));
        assertThat(workbook).extracting(SourceTable::name).containsExactly("任务分解", "指标");
        // the document's paragraphs outside its tables come last, as its running text
        assertThat(document).extracting(SourceTable::name).containsExactly("表格 1", "表格 2", SourceTable.TEXT);
        assertThat(cells(workbook.get(0)).subList(1, seed.taskRows().size() + 1)).isEqualTo(seed.taskRows());
        assertThat(cells(document.get(0))).isEqualTo(seed.taskRows());
        assertThat(cells(document.get(1))).isEqualTo(seed.indicatorRows());
    }

    /** Rows padded to five cells, as the seed writes them. */
    private static List<List<String>> cells(SourceTable table) {
        return table.rows().stream().map(row -> IntStream.range(0, 5).mapToObj(row::cell).toList())
                .toList();
    }
}
