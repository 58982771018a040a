package org.duban.api.plan;

import org.duban.api.indicator.IndicatorView;
import org.duban.api.task.TaskView;

import java.time.Instant;
import java.util.List;

/** A plan with its sections (level 1 to 3), the tasks under each, its indicators and where it was imported from. */
public record PlanTree(PlanSummary plan, List<Section> sections, List<IndicatorView> indicators,
                       List<ImportView> imports) {

    public record Section(String sectionId, int level, String code, String title, List<Section> children,
                          List<TaskView> tasks) {
        public String heading() {
            return code + title;
        }
    }

    public record ImportView(String importId, ImportedFile file, ImportCounts counts, String importedBy,
                             Instant importedAt) {
    }

    /** Every task of the tree in plan order. */
    public List<TaskView> allTasks() {
        List<TaskView> tasks = new java.util.ArrayList<>();
        collect(sections, tasks);
        tasks.sort(java.util.Comparator.comparingInt(TaskView::number));
        return tasks;
    }

    private static void collect(List<Section> sections, List<TaskView> into) {
        for (Section section : sections) {
            into.addAll(section.tasks());
            collect(section.children(), into);
        }
    }
}
