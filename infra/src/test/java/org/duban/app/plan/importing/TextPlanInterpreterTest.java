package org.duban.app.plan.importing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.api.indicator.TargetKind;
import org.duban.app.plan.importing.PlanContent.IndicatorDraft;
import org.duban.app.plan.importing.PlanContent.SectionDraft;
import org.duban.app.plan.importing.PlanContent.TaskDraft;
import org.duban.app.plan.importing.RowOutcome.Kind;
import org.duban.app.plan.importing.SourceTable.SourceRow;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans written as running text, read paragraph by paragraph into a proposal a supervisor reviews. */
class TextPlanInterpreterTest {
    private static final String CORPUS = "/import-corpus/text/";

    // --- helpers --------------------------------------------------------------------------------------------------

    /** One row per line, numbered as an editor shows it; spaces (also no-break and ideographic) trimmed, as a reader does. */
    static SourceTable paragraphs(String text) {
        List<SourceRow> rows = new ArrayList<>();
        String[] lines = text.split("\\r?\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            rows.add(new SourceRow(i + 1, List.of(lines[i].replaceAll("^[\\s\\u00A0\\u3000]+|[\\s\\u00A0\\u3000]+$", ""))));
        }
        return new SourceTable(TextPlanInterpreter.TABLE, rows);
    }

    static String resource(String name) {
        try (InputStream in = TextPlanInterpreterTest.class.getResourceAsStream(CORPUS + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Read(PlanContent plan, TextPlanInterpreter interpreter) {
        TaskDraft task(String code) {
            return plan.tasks().stream().filter(t -> code.equals(t.code())).findFirst().orElseThrow();
        }

        List<IndicatorDraft> indicatorsOf(TaskDraft task) {
            return plan.indicators().stream().filter(i -> i.taskNumber() == task.number()).toList();
        }

        String sectionPath(TaskDraft task) {
            Map<String, SectionDraft> byKey = plan.sections().stream()
                    .collect(Collectors.toMap(SectionDraft::key, Function.identity()));
            List<String> path = new ArrayList<>();
            for (SectionDraft s = byKey.get(task.sectionKey()); s != null; s = byKey.get(s.parentKey())) {
                path.add(0, s.code() + s.title());
            }
            return path.isEmpty() ? null : String.join(" / ", path);
        }

        RowOutcome outcome(int row) {
            return plan.rows().stream().filter(o -> o.row() == row).findFirst().orElseThrow();
        }

        List<String> warnings() {
            return interpreter.warnings().stream().map(ImportProblem::message).toList();
        }
    }

    static Read read(String text) {
        TextPlanInterpreter interpreter = new TextPlanInterpreter("plan.txt");
        return new Read(interpreter.interpret(paragraphs(text)), interpreter);
    }

    static TaskDraft onlyTask(String text) {
        Read read = read(text);
        assertThat(read.plan().tasks()).hasSize(1);
        return read.plan().tasks().get(0);
    }

    static List<IndicatorDraft> targetsOf(String paragraph) {
        Read read = read(paragraph);
        assertThat(read.plan().tasks()).hasSize(1);
        return read.plan().indicators();
    }

    // --- the corpus -----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"ziyang", "lead-named-brackets", "lead-and-co-labels", "project-items"})
    void every_corpus_text_reads_as_its_expected_file_says(String name) throws IOException {
        String text = resource(name + ".txt");
        JsonNode expected = new ObjectMapper().readTree(resource(name + ".expected.json"));
        Read read = read(text);
        PlanContent plan = read.plan();

        assertThat(read.interpreter().errors()).extracting(ImportProblem::describe).isEmpty();
        assertThat(plan.fromText()).isTrue();
        assertThat(plan.sections()).extracting(s -> s.level() + " " + s.code() + s.title())
                .containsExactlyElementsOf(each(expected.get("sections"),
                        s -> s.get("level").asInt() + " " + s.get("code").asText() + s.get("title").asText()));

        List<JsonNode> tasks = each(expected.get("tasks"), Function.identity());
        assertThat(plan.tasks()).hasSameSizeAs(tasks);
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode want = tasks.get(i);
            TaskDraft task = plan.tasks().get(i);
            String label = name + " task " + want.get("code").asText();
            assertThat(task.code()).as(label).isEqualTo(want.get("code").asText());
            assertThat(read.sectionPath(task)).as(label + " section").isEqualTo(textOrNull(want.get("section")));
            assertThat(task.text()).as(label + " text").startsWith(want.get("text").asText());
            assertThat(task.unitNames().get(0)).as(label + " lead").isEqualTo(want.get("lead").asText());
            assertThat(task.unitNames().subList(1, task.unitNames().size())).as(label + " co-units")
                    .containsExactlyElementsOf(each(want.get("coUnits"), JsonNode::asText));
            assertThat(task.dueDate()).as(label + " due date").isEqualTo(
                    want.get("dueDate").isNull() ? null : LocalDate.parse(want.get("dueDate").asText()));
        }

        List<JsonNode> indicators = each(expected.get("indicators"), Function.identity());
        assertThat(plan.indicators()).extracting(i -> plan.tasks().get(i.taskNumber() - 1).code() + " " + i.target().asWritten())
                .containsExactlyElementsOf(each(expected.get("indicators"),
                        i -> i.get("task").asText() + " " + i.get("target").asText()));
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorDraft indicator = plan.indicators().get(i);
            assertThat(indicator.name()).as(name + " indicator " + (i + 1)).isEqualTo(indicators.get(i).get("name").asText());
            assertThat(indicator.unitOfMeasure()).as(name + " indicator " + (i + 1) + " unit")
                    .isEqualTo(indicators.get(i).get("unitOfMeasure").asText());
            assertThat(indicator.unitNames()).isEqualTo(plan.tasks().get(indicator.taskNumber() - 1).unitNames());
        }

        assertThat(rows(plan, Kind.SKIPPED)).isEqualTo(new TreeSet<>(each(expected.get("skippedRows"), JsonNode::asInt)));
        assertThat(rows(plan, Kind.REFUSED)).isEqualTo(new TreeSet<>(each(expected.get("refusedRows"), JsonNode::asInt)));
        assertEveryParagraphHasOneOutcome(text, plan);
    }

    private static <T> List<T> each(JsonNode array, Function<JsonNode, T> map) {
        return StreamSupport.stream(array.spliterator(), false).map(map).toList();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Set<Integer> rows(PlanContent plan, Kind kind) {
        return plan.rows().stream().filter(o -> o.kind() == kind).map(RowOutcome::row)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertEveryParagraphHasOneOutcome(String text, PlanContent plan) {
        Set<Integer> nonEmpty = new LinkedHashSet<>();
        for (SourceRow row : paragraphs(text).rows()) {
            if (!row.isBlank()) {
                nonEmpty.add(row.number());
            }
        }
        assertThat(plan.rows()).extracting(RowOutcome::row).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(nonEmpty);
        assertThat(plan.rows()).allSatisfy(outcome -> {
            assertThat(outcome.table()).isEqualTo("正文");
            if (outcome.kind() == Kind.SKIPPED || outcome.kind() == Kind.REFUSED) {
                assertThat(outcome.reason().zh()).isNotBlank();
                assertThat(outcome.reason().en()).isNotBlank();
            }
        });
    }

    @Nested
    class Ziyang {
        final Read read = read(resource("ziyang.txt"));

        @Test
        void its_ten_actions_under_the_key_tasks_are_tasks_numbered_as_printed() {
            assertThat(read.plan().tasks()).extracting(TaskDraft::code)
                    .containsExactly("（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）", "（九）", "（十）");
            assertThat(read.plan().tasks()).extracting(read::sectionPath).containsOnly("二、重点任务");
        }

        @Test
        void the_health_commission_leads_every_action_but_the_industrial_one() {
            assertThat(read.plan().tasks()).filteredOn(t -> !t.code().equals("（五）"))
                    .allSatisfy(t -> assertThat(t.unitNames().get(0)).isEqualTo("市卫生健康委"));
            assertThat(read.task("（五）").unitNames().get(0)).isEqualTo("市经济和信息化局");
            assertThat(read.interpreter().warnings()).isEmpty();
        }

        @Test
        void the_county_governments_stay_one_collective_co_unit() {
            TaskDraft first = read.task("（一）");
            assertThat(first.unitNames()).endsWith("各县（区）人民政府").doesNotContain("各县", "区）人民政府");
            assertThat(UnitNames.isCollective("各县（区）人民政府")).isTrue();
            assertThat(first.text()).startsWith("建立健全中医药服务体系行动。").doesNotContain("责任单位", "〔");
        }

        @Test
        void its_quantitative_targets_are_proposed_as_indicators_of_their_action() {
            List<IndicatorDraft> indicators = read.plan().indicators();
            assertThat(indicators).extracting(i -> i.target().asWritten())
                    .contains("70%", "1—2", "3个以上", "5.5亿元");
            IndicatorDraft coverage = read.indicatorsOf(read.task("（一）")).get(0);
            assertThat(coverage.target().percent()).isTrue();
            assertThat(coverage.target().year()).isEqualTo(2025);
            IndicatorDraft leaders = read.indicatorsOf(read.task("（五）")).stream()
                    .filter(i -> i.name().equals("龙头企业")).findFirst().orElseThrow();
            assertThat(leaders.target().kind()).isEqualTo(TargetKind.RANGE);
            assertThat(leaders.unitOfMeasure()).isEqualTo("个");
            assertThat(leaders.source().row()).isEqualTo(25);
            assertThat(leaders.source().text()).startsWith("推进中医药产业园建设").contains("着力培育1—2个龙头企业");
            assertThat(indicators).extracting(i -> i.target().asWritten())
                    .doesNotContain("65岁以上", "0—3", "3—5", "5年内", "2025");
        }

        @Test
        void the_notice_around_the_plan_is_skipped_with_its_reason() {
            assertThat(read.outcome(1).reason().zh()).isEqualTo("文号");
            assertThat(read.outcome(4).reason().zh()).isEqualTo("文件标题");
            assertThat(read.outcome(6).reason().zh()).isEqualTo("主送单位");
            assertThat(read.outcome(10).reason().zh()).isEqualTo("成文日期");
            assertThat(read.outcome(16).reason().zh()).isEqualTo("正文中没有责任单位的段落，未作为任务");
            assertThat(read.outcome(16).reason().en()).contains("no responsible units");
        }

        @Test
        void a_heading_that_goes_on_with_text_is_a_section_titled_by_its_lead_phrase() {
            RowOutcome guiding = read.outcome(18);
            assertThat(guiding.kind()).isEqualTo(Kind.SECTION_LEVEL_2);
            assertThat(guiding.item()).isEqualTo("（一）");
            assertThat(guiding.reason().zh()).startsWith("标题后的正文未导入：坚持以习近平");
            assertThat(read.plan().sections()).filteredOn(s -> s.source().row() == 18)
                    .extracting(SectionDraft::title).containsExactly("指导思想");
        }
    }

    // --- brackets -------------------------------------------------------------------------------------------------

    @Nested
    class Brackets {
        @Test
        void a_responsibility_bracket_in_tortoise_shell_brackets_lists_lead_first_and_keeps_collectives_whole() {
            TaskDraft task = onlyTask("（一）推进中医馆建设。〔责任单位：市卫生健康委、市财政局，各县（区）人民政府。列首位的为牵头单位，下同〕");
            assertThat(task.unitNames()).containsExactly("市卫生健康委", "市财政局", "各县（区）人民政府");
            assertThat(task.text()).isEqualTo("推进中医馆建设。");
            assertThat(task.code()).isEqualTo("（一）");
        }

        @Test
        void a_unit_named_as_lead_leads_and_the_duty_phrase_is_not_a_unit() {
            TaskDraft task = onlyTask("1.建设示范中医馆。（市卫生健康委牵头，市财政局、市医保局、各区县政府按职责分工负责）");
            assertThat(task.unitNames()).containsExactly("市卫生健康委", "市财政局", "市医保局", "各区县政府");
        }

        @Test
        void lead_and_co_unit_labels_are_read_whatever_their_order() {
            assertThat(onlyTask("1.建设示范中医馆。（牵头单位：市卫生健康委；配合单位：市财政局、市级有关部门）").unitNames())
                    .containsExactly("市卫生健康委", "市财政局", "市级有关部门");
            assertThat(onlyTask("1.建设示范中医馆。（配合单位：市财政局；牵头单位：市卫生健康委）").unitNames())
                    .containsExactly("市卫生健康委", "市财政局");
        }

        @Test
        void half_width_brackets_and_commas_are_read_like_full_width_ones() {
            assertThat(onlyTask("1.建设示范中医馆。(市卫生健康委牵头,市财政局负责)").unitNames())
                    .containsExactly("市卫生健康委", "市财政局");
            assertThat(onlyTask("1.建设示范中医馆。（责任单位：市卫生健康委）").unitNames()).containsExactly("市卫生健康委");
        }

        @Test
        void units_are_never_split_inside_parentheses() {
            assertThat(onlyTask("1.建设中医医院。（责任单位：市卫生健康委，各区县（自治县）人民政府、市经济和信息化局（市中小企业局）。列首位的为牵头单位）")
                    .unitNames()).containsExactly("市卫生健康委", "各区县（自治县）人民政府", "市经济和信息化局（市中小企业局）");
        }

        @Test
        void a_list_ending_in_etc_keeps_the_listed_units_and_says_so_in_the_remark() {
            TaskDraft task = onlyTask("1.建设中医医院。（市卫生健康委牵头，市发展改革委、市财政局等按职责分工负责）");
            assertThat(task.unitNames()).containsExactly("市卫生健康委", "市发展改革委", "市财政局");
            assertThat(task.remark()).contains("市财政局等");
        }

        @Test
        void a_closing_bracket_that_names_no_units_does_not_make_a_task() {
            Read read = read("一、组织实施\n（一）加强组织领导。成立领导小组（以下简称领导小组）。\n1.推进建设。（责任单位：市卫生健康委）");
            assertThat(read.plan().tasks()).extracting(TaskDraft::code).containsExactly("1.");
            assertThat(read.outcome(2).kind()).isEqualTo(Kind.SECTION_LEVEL_2);
        }
    }

    // --- leads ----------------------------------------------------------------------------------------------------

    @Nested
    class Leads {
        @Test
        void the_first_listed_leads_silently_when_the_document_says_so_anywhere() {
            Read read = read("""
                    各责任单位中，列首位的为牵头单位。
                    一、重点任务
                    1.建设中医馆。（责任单位：市卫生健康委、市财政局）
                    """);
            assertThat(read.plan().tasks().get(0).unitNames().get(0)).isEqualTo("市卫生健康委");
            assertThat(read.interpreter().warnings()).isEmpty();
        }

        @Test
        void the_first_listed_leads_with_a_warning_when_nothing_says_who_leads() {
            Read read = read("""
                    一、重点任务
                    1.建设中医馆。（责任单位：市卫生健康委、市财政局）
                    2.培养中医人才。（责任单位：市人力社保局、市卫生健康委）
                    3.发展中药产业。（市经济信息委牵头，市农业农村委负责）
                    """);
            assertThat(read.plan().tasks()).extracting(t -> t.unitNames().get(0))
                    .containsExactly("市卫生健康委", "市人力社保局", "市经济信息委");
            assertThat(read.interpreter().warnings()).singleElement().satisfies(warning -> {
                assertThat(warning.message()).contains("列首位的为牵头单位");
                assertThat(warning.messageEn()).contains("listed first");
                assertThat(warning.row()).isEqualTo(2);
                assertThat(warning.value()).isEqualTo("1.、2.");
                assertThat(warning.table()).isEqualTo("正文");
            });
        }

        @Test
        void two_units_named_as_lead_come_first_in_their_order() {
            assertThat(onlyTask("6.推动中西医协同。（市卫生健康委、市医疗保障局牵头，各区县政府按职责分工负责）").unitNames())
                    .containsExactly("市卫生健康委", "市医疗保障局", "各区县政府");
        }
    }

    // --- structure ------------------------------------------------------------------------------------------------

    @Nested
    class Structure {
        @Test
        void heading_levels_follow_the_order_in_which_numbering_styles_appear() {
            Read read = read("""
                    （一）服务体系
                    1.基层服务
                    （1）建设中医馆。（责任单位：市卫生健康委）
                    （二）人才队伍
                    """);
            assertThat(read.plan().sections()).extracting(s -> s.level() + " " + s.code() + s.title())
                    .containsExactly("1 （一）服务体系", "2 1.基层服务", "1 （二）人才队伍");
            assertThat(read.sectionPath(read.task("（1）"))).isEqualTo("（一）服务体系 / 1.基层服务");
        }

        @Test
        void a_task_numbered_like_second_level_headings_sits_under_the_first_level_heading_above_it() {
            Read read = read("""
                    一、总体要求
                    （一）指导思想。坚持人民至上。
                    二、重点任务
                    （一）建设中医馆。（责任单位：市卫生健康委）
                    """);
            assertThat(read.sectionPath(read.task("（一）"))).isEqualTo("二、重点任务");
        }

        @Test
        void a_task_without_any_heading_above_it_has_no_section() {
            TaskDraft task = onlyTask("建设中医馆。（责任单位：市卫生健康委）");
            assertThat(task.sectionKey()).isNull();
            assertThat(task.code()).isNull();
        }

        @Test
        void a_fourth_numbering_style_without_units_is_skipped_with_a_warning() {
            Read read = read("""
                    一、任务
                    （一）服务
                    1.基层
                    （1）中医馆建设要求较多，各地应结合实际情况统筹推进，不搞一刀切。
                    （2）建设中医阁。（市卫生健康委牵头）
                    """);
            assertThat(read.outcome(4).kind()).isEqualTo(Kind.SKIPPED);
            assertThat(read.outcome(4).item()).isEqualTo("（1）");
            assertThat(read.warnings()).singleElement().asString().contains("第四级");
            assertThat(read.outcome(5).kind()).isEqualTo(Kind.TASK);
        }

        @Test
        void every_paragraph_gets_exactly_one_outcome_and_blank_lines_none() {
            String text = "关于印发某方案的通知\n\n\u00A0\u00A0\n一、任务\n1.建设中医馆。（责任单位：市卫生健康委）\n— 2 —\n各地要抓好落实。";
            Read read = read(text);
            assertEveryParagraphHasOneOutcome(text, read.plan());
            assertThat(read.plan().rows()).extracting(o -> o.row() + " " + o.kind())
                    .containsExactly("1 SKIPPED", "4 SECTION_LEVEL_1", "5 TASK", "6 SKIPPED", "7 SKIPPED");
            assertThat(read.outcome(6).reason().zh()).isEqualTo("页码");
        }

        @Test
        void a_paragraph_of_only_spaces_that_a_reader_left_in_is_skipped_as_blank() {
            SourceTable table = new SourceTable("正文", List.of(new SourceRow(1, List.of("\u00A0 ")),
                    new SourceRow(2, List.of("建设中医馆。（责任单位：市卫生健康委）"))));
            PlanContent plan = new TextPlanInterpreter("plan.docx").interpret(table);
            assertThat(plan.rows()).extracting(o -> o.row() + " " + o.kind()).containsExactly("1 SKIPPED", "2 TASK");
        }

        @Test
        void a_text_without_any_unit_bracket_is_an_error_not_an_empty_plan() {
            TextPlanInterpreter interpreter = new TextPlanInterpreter("notice.txt");
            PlanContent plan = interpreter.interpret(paragraphs("一、总体要求\n坚持人民至上。"));
            assertThat(plan.tasks()).isEmpty();
            assertThat(interpreter.errors()).singleElement().satisfies(error -> {
                assertThat(error.file()).isEqualTo("notice.txt");
                assertThat(error.message()).contains("责任单位");
                assertThat(error.messageEn()).contains("no task");
            });
        }

        @Test
        void a_bracket_naming_no_unit_is_refused_with_an_error_naming_the_paragraph() {
            Read read = read("一、任务\n1.建设中医馆。（责任单位：）\n2.培养人才。（责任单位：市卫生健康委）");
            assertThat(read.outcome(2).kind()).isEqualTo(Kind.REFUSED);
            assertThat(read.interpreter().errors()).singleElement().satisfies(error -> {
                assertThat(error.row()).isEqualTo(2);
                assertThat(error.value()).isEqualTo("（责任单位：）");
            });
            assertThat(read.plan().tasks()).extracting(TaskDraft::code).containsExactly("2.");
        }
    }

    // --- projects -------------------------------------------------------------------------------------------------

    @Nested
    class Projects {
        final Read read = read("""
                一、服务能力提升项目
                （一）市中医院传承创新中心项目。
                1.建设目标：2026年底前，建成传承创新中心，新增床位不少于300张。
                2.建设任务：一是建设医疗综合楼；二是建设中药制剂室。
                3.配套措施：市级财政按规定给予补助。
                4.部门分工：市卫生健康委牵头，市发展改革委、市财政局等负责。
                """);

        @Test
        void a_project_is_one_task_keeping_goal_tasks_and_measures_as_lines() {
            TaskDraft task = read.plan().tasks().get(0);
            assertThat(read.plan().tasks()).hasSize(1);
            assertThat(task.code()).isEqualTo("（一）");
            assertThat(task.text().split("\n")).containsExactly("市中医院传承创新中心项目",
                    "建设目标：2026年底前，建成传承创新中心，新增床位不少于300张。",
                    "建设任务：一是建设医疗综合楼；二是建设中药制剂室。", "配套措施：市级财政按规定给予补助。");
            assertThat(read.sectionPath(task)).isEqualTo("一、服务能力提升项目");
            assertThat(read.plan().sections()).hasSize(1);
        }

        @Test
        void its_units_come_from_the_division_of_work() {
            TaskDraft task = read.plan().tasks().get(0);
            assertThat(task.unitNames()).containsExactly("市卫生健康委", "市发展改革委", "市财政局");
            assertThat(task.dueDate()).isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(task.remark()).contains("完成时限：2026年底前").contains("市财政局等");
        }

        @Test
        void every_item_of_the_project_is_reported_as_part_of_its_task() {
            assertThat(read.plan().rows()).extracting(o -> o.row() + " " + o.kind() + " " + o.item())
                    .containsExactly("1 SECTION_LEVEL_1 一、", "2 TASK （一）", "3 TASK （一）", "4 TASK （一）",
                            "5 TASK （一）", "6 TASK （一）");
            assertThat(read.outcome(6).reason().zh()).isEqualTo("项目的部门分工，并入任务（一）");
        }

        @Test
        void its_targets_come_from_the_line_that_states_them() {
            assertThat(read.plan().indicators()).singleElement().satisfies(beds -> {
                assertThat(beds.name()).isEqualTo("床位");
                assertThat(beds.target().asWritten()).isEqualTo("不少于300张");
                assertThat(beds.target().kind()).isEqualTo(TargetKind.AT_LEAST);
                assertThat(beds.target().year()).isEqualTo(2026);
                assertThat(beds.source().row()).isEqualTo(3);
                assertThat(beds.taskNumber()).isEqualTo(1);
            });
        }

        @Test
        void a_project_without_a_division_of_work_is_no_task_and_says_why() {
            Read without = read("""
                    一、服务能力提升项目
                    （一）市中医院传承创新中心项目。
                    1.建设目标：建成传承创新中心。
                    2.建设任务：一是建设医疗综合楼。
                    """);
            assertThat(without.plan().tasks()).isEmpty();
            assertThat(without.outcome(3).kind()).isEqualTo(Kind.SKIPPED);
            assertThat(without.outcome(3).reason().zh()).contains("部门分工");
            assertThat(without.warnings()).anySatisfy(w -> assertThat(w).contains("部门分工"));
        }
    }

    // --- deadlines ------------------------------------------------------------------------------------------------

    @Nested
    class Deadlines {
        @Test
        void a_year_end_deadline_is_the_last_day_of_that_year() {
            TaskDraft task = onlyTask("1.建设中医馆，2025年底前完成。（责任单位：市卫生健康委）");
            assertThat(task.dueDate()).isEqualTo(LocalDate.of(2025, 12, 31));
            assertThat(task.remark()).isEqualTo("完成时限：2025年底前");
        }

        @Test
        void a_month_end_deadline_is_the_last_day_of_that_month() {
            assertThat(onlyTask("1.2025年6月底前建成中医馆。（责任单位：市卫生健康委）").dueDate())
                    .isEqualTo(LocalDate.of(2025, 6, 30));
        }

        @Test
        void before_a_year_means_by_the_end_of_it() {
            assertThat(onlyTask("1.2024年前建成中医馆。（责任单位：市卫生健康委）").dueDate())
                    .isEqualTo(LocalDate.of(2024, 12, 31));
        }

        @Test
        void a_deadline_inside_the_bracket_is_read_and_is_not_a_unit() {
            TaskDraft task = onlyTask("1.建设中医馆。（市卫生健康委牵头，市财政局按职责分工负责，2025年6月底前完成）");
            assertThat(task.unitNames()).containsExactly("市卫生健康委", "市财政局");
            assertThat(task.dueDate()).isEqualTo(LocalDate.of(2025, 6, 30));
        }

        @Test
        void a_deadline_after_the_bracket_still_leaves_the_bracket_ending_the_task() {
            TaskDraft task = onlyTask("1.建设中医馆。（市卫生健康委牵头，市财政局按职责分工负责）2025年底前完成。");
            assertThat(task.unitNames()).containsExactly("市卫生健康委", "市财政局");
            assertThat(task.text()).isEqualTo("建设中医馆。");
            assertThat(task.dueDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        }

        @Test
        void the_latest_of_several_deadlines_is_the_due_date() {
            TaskDraft task = onlyTask("1.2024年6月底前完成规划，2025年底前建成中医馆。（责任单位：市卫生健康委）");
            assertThat(task.dueDate()).isEqualTo(LocalDate.of(2025, 12, 31));
            assertThat(task.remark()).isEqualTo("完成时限：2024年6月底前、2025年底前");
        }

        @Test
        void ongoing_work_has_no_due_date_and_the_remark_says_so() {
            TaskDraft inBracket = onlyTask("1.完善医保支付政策。（市医疗保障局牵头，市卫生健康委负责；持续推进）");
            assertThat(inBracket.dueDate()).isNull();
            assertThat(inBracket.remark()).isEqualTo("完成时限：持续推进");
            assertThat(inBracket.unitNames()).containsExactly("市医疗保障局", "市卫生健康委");
            TaskDraft inText = onlyTask("1.推进中医药融入家庭医生签约服务，长期坚持。（责任单位：市卫生健康委）");
            assertThat(inText.dueDate()).isNull();
            assertThat(inText.remark()).isEqualTo("完成时限：长期坚持");
        }

        @Test
        void the_year_of_a_target_and_a_verb_phrase_are_not_deadlines() {
            TaskDraft task = onlyTask("1.持续推进中医馆建设，到2025年，覆盖率达到90%。（责任单位：市卫生健康委）");
            assertThat(task.dueDate()).isNull();
            assertThat(task.remark()).isNull();
        }
    }

    // --- targets --------------------------------------------------------------------------------------------------

    @Nested
    class Targets {
        @Test
        void a_percentage_reached_by_a_stated_year_names_its_subject() {
            assertThat(targetsOf("1.到2025年，65岁以上老年人和0—3岁婴幼儿的中医药健康管理服务覆盖率均达到70%。（责任单位：市卫生健康委）"))
                    .singleElement().satisfies(coverage -> {
                        assertThat(coverage.name()).isEqualTo("中医药健康管理服务覆盖率");
                        assertThat(coverage.unitOfMeasure()).isEqualTo("%");
                        assertThat(coverage.target().year()).isEqualTo(2025);
                        assertThat(coverage.target().kind()).isEqualTo(TargetKind.EXACT);
                        assertThat(coverage.target().low()).isEqualByComparingTo("70");
                        assertThat(coverage.target().percent()).isTrue();
                        assertThat(coverage.source().text()).startsWith("到2025年").endsWith("达到70%。");
                    });
        }

        @Test
        void lower_bounds_are_read_before_or_after_the_number() {
            List<IndicatorDraft> found = targetsOf("1.示范中医馆不少于10个，打造3个以上中医特色病种。（责任单位：市卫生健康委）");
            assertThat(found).extracting(i -> i.name() + " " + i.target().asWritten() + " " + i.target().kind())
                    .containsExactly("示范中医馆 不少于10个 AT_LEAST", "中医特色病种 3个以上 AT_LEAST");
            assertThat(found).allSatisfy(i -> assertThat(i.target().low()).isPositive());
        }

        @Test
        void a_range_names_what_follows_it_and_keeps_its_unit_of_measure_apart() {
            assertThat(targetsOf("1.着力培育1—2个龙头企业，力争创建国家级中医重点专科5—8个。（责任单位：市经济信息委）"))
                    .extracting(i -> i.name() + " " + i.target().asWritten() + " " + i.unitOfMeasure() + " " + i.target().kind())
                    .containsExactly("龙头企业 1—2 个 RANGE", "国家级中医重点专科 5—8 个 RANGE");
        }

        @Test
        void money_and_headcounts_keep_their_unit() {
            assertThat(targetsOf("1.到2025年，年产值力争达到5.5亿元，培训临床实习人员达200名。（责任单位：市卫生健康委）"))
                    .extracting(i -> i.name() + " " + i.target().asWritten() + " " + i.unitOfMeasure())
                    .containsExactly("年产值 5.5亿元 亿元", "临床实习人员 200名 名");
        }

        @Test
        void indicators_belong_to_their_task_and_its_units() {
            Read read = read("一、任务\n1.建设中医馆。（责任单位：市卫生健康委）\n2.建成精品中医馆40个。（市财政局牵头，各区县政府负责）");
            assertThat(read.plan().indicators()).singleElement().satisfies(indicator -> {
                assertThat(indicator.taskNumber()).isEqualTo(2);
                assertThat(indicator.unitNames()).containsExactly("市财政局", "各区县政府");
                assertThat(indicator.source().table()).isEqualTo("正文");
                assertThat(indicator.source().row()).isEqualTo(3);
                assertThat(indicator.name()).isEqualTo("精品中医馆");
            });
        }

        @Test
        void years_ages_durations_dates_and_qualifiers_are_not_targets() {
            assertThat(targetsOf("1.到2025年，为65岁以上老年人提供服务，通过3—5年的努力、5年内于2024年6月底前用6个月"
                    + "建成服务网络，培育年销售收入超过5亿元的企业，开展第3批评选。（责任单位：市卫生健康委）")).isEmpty();
        }

        @Test
        void the_thing_counted_ends_where_the_sentence_goes_on() {
            assertThat(targetsOf("1.每个中医医院建成2个特色专科和1个覆盖辖区的中医药适宜技术推广中心，选择3—5个优势病种开展古籍专题挖掘。"
                    + "（责任单位：市卫生健康委）")).extracting(IndicatorDraft::name)
                    .containsExactly("特色专科", "中医药适宜技术推广中心", "优势病种");
        }

        @Test
        void the_thing_counted_is_what_the_verb_acts_on() {
            assertThat(targetsOf("1.遴选培养巴渝岐黄学者50名，支持优势产区建立种质资源保存圃不少于10个，新增床位300张，"
                    + "建设中医药适宜技术推广中心3个。（责任单位：市卫生健康委）")).extracting(IndicatorDraft::name)
                    .containsExactly("巴渝岐黄学者", "种质资源保存圃", "床位", "中医药适宜技术推广中心");
        }

        @Test
        void a_list_of_counts_names_each_count_by_its_own_noun() {
            assertThat(targetsOf("（一）培养市级名中医30名、基层名中医50名。（牵头单位：市卫生健康委）"))
                    .extracting(i -> i.name() + " " + i.target().asWritten())
                    .containsExactly("市级名中医 30名", "基层名中医 50名");
        }
    }
}
