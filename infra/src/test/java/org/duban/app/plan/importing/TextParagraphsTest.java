package org.duban.app.plan.importing;

import org.duban.app.plan.importing.PlanContent.TaskDraft;
import org.duban.app.plan.importing.RowOutcome.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Paragraphs as Word documents break them: units on a line of their own belong to the task above. */
class TextParagraphsTest {

    @Test
    void units_written_as_a_paragraph_of_their_own_belong_to_the_paragraph_above() {
        List<String> lines = List.of(
                "一、重点任务",
                "（一）建设中医医院。推动市中医院新院区建设。",
                "（责任单位：市卫生健康委、市发展改革委）",
                "（二）培养人才。培养骨干人才100名。",
                "牵头单位：市卫生健康委；配合单位：市人力社保局",
                "（三）推广技术。推广适宜技术。（责任单位：市卫生健康委）");
        TextPlanInterpreter interpreter = new TextPlanInterpreter("plan.txt");

        PlanContent content = interpreter.interpret(SourceTable.text(lines,
                IntStream.rangeClosed(1, lines.size()).boxed().toList()));

        assertThat(content.tasks()).extracting(TaskDraft::code).containsExactly("（一）", "（二）", "（三）");
        assertThat(content.tasks()).extracting(TaskDraft::unitNames).containsExactly(
                List.of("市卫生健康委", "市发展改革委"), List.of("市卫生健康委", "市人力社保局"), List.of("市卫生健康委"));
        assertThat(content.rows()).extracting(RowOutcome::kind).containsExactly(Kind.SECTION_LEVEL_1, Kind.TASK,
                Kind.NOTE, Kind.TASK, Kind.NOTE, Kind.TASK);
        assertThat(interpreter.errors()).isEmpty();
    }
}
