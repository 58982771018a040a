package org.duban.app.plan.importing;

import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.Target;

import java.time.LocalDate;
import java.util.List;

/**
 * What a file says, before anything is created: sections, tasks and indicators with unit names as written, each
 * with the place it came from, and what became of every non-empty row or paragraph of the file.
 *
 * @param fromText true when the plan was read from running text rather than tables; such content is a proposal that
 *                 a supervisor reviews before it is imported
 */
record PlanContent(List<SectionDraft> sections, List<TaskDraft> tasks, List<IndicatorDraft> indicators,
                   List<RowOutcome> rows, boolean fromText) {

    PlanContent {
        sections = List.copyOf(sections);
        tasks = List.copyOf(tasks);
        indicators = List.copyOf(indicators);
        rows = List.copyOf(rows);
    }

    static PlanContent empty() {
        return new PlanContent(List.of(), List.of(), List.of(), List.of(), false);
    }

    /**
     * Where an item came from: the table (sheet name, "表格 2", file name) or "正文" for running text, the row or
     * paragraph number the user sees, and the sentence or row text it was read from.
     */
    record Source(String table, int row, String text) {
    }

    /**
     * @param key  identifies the section across repeated headings; parentKey is null for level 1
     * @param code the number as printed (一、 （一） 1.), empty when the heading has none
     */
    record SectionDraft(String key, String parentKey, int level, String code, String title, Source source) {
    }

    /**
     * @param number     the task's place in the plan, from 1
     * @param code       the number the document prints for it (序号 "12", "（三）", "1."), or null
     * @param sectionKey the section it sits in, or null when the document has no headings above it
     * @param unitNames  as written, the lead first; collectives (各区县政府) are single names
     * @param remark     the table's remark, with what the importer noted (a unit list ending in 等部门, a due date
     *                   such as 长期坚持)
     */
    record TaskDraft(int number, String code, String sectionKey, String text, List<String> unitNames,
                     LocalDate dueDate, String remark, Source source) {
    }

    /**
     * @param number     the indicator's place in the plan, from 1
     * @param code       the 序号 as printed, or null
     * @param taskNumber the task whose text stated the target (plans written as text), or null
     */
    record IndicatorDraft(int number, String code, String name, String unitOfMeasure, Baseline baseline,
                          Target target, IndicatorAttribute attribute, List<String> unitNames, String remark,
                          Integer taskNumber, Source source) {
    }

    long sectionsAtLevel(int level) {
        return sections.stream().filter(section -> section.level() == level).count();
    }
}
