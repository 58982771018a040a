package org.duban.app.plan.importing;

import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.Target;

import java.time.LocalDate;
import java.util.List;

/** What a file's tables say, before anything is created: sections, tasks and indicators, with unit names as written. */
record PlanContent(List<SectionDraft> sections, List<TaskDraft> tasks, List<IndicatorDraft> indicators) {

    /** @param key identifies the section across repeated headings; parentKey is null for level 1 */
    record SectionDraft(String key, String parentKey, int level, String code, String title) {
    }

    record TaskDraft(int number, String sectionKey, String text, List<String> unitNames, LocalDate dueDate,
                     String remark) {
    }

    record IndicatorDraft(int number, String name, String unitOfMeasure, Baseline baseline, Target target,
                          IndicatorAttribute attribute, List<String> unitNames, String remark) {
    }

    long sectionsAtLevel(int level) {
        return sections.stream().filter(section -> section.level() == level).count();
    }
}
