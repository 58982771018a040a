package org.duban.api.plan;

import org.duban.api.indicator.IndicatorView;
import org.duban.api.task.TaskView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A plan with its sections (level 1 to 3), the tasks under each, its indicators and where it was imported from.
 *
 * @param unsectionedTasks the tasks that sit under no heading, in plan order; a plan without headings has all its
 *                         tasks here
 */
public record PlanTree(PlanSummary plan, List<Section> sections, List<TaskView> unsectionedTasks,
                       List<IndicatorView> indicators, List<ImportView> imports) {

    public record Section(String sectionId, int level, String code, String title, List<Section> children,
                          List<TaskView> tasks) {
        public String heading() {
            return code + title;
        }
    }

    public record ImportView(String importId, ImportedFile file, ImportCounts counts, String importedBy,
                             Instant importedAt) {
    }

    /** Every task of the tree, under a section or under none, in plan order. */
    public List<TaskView> allTasks() {
        List<TaskView> tasks = new ArrayList<>(unsectionedTasks);
        collect(sections, tasks);
        tasks.sort(Comparator.comparingInt(TaskView::number));
        return tasks;
    }

    /** The task of that id in this plan, or null: an indicator names the task that states it by id. */
    public TaskView task(String taskId) {
        return taskId == null ? null : allTasks().stream().filter(task -> task.taskId().equals(taskId)).findFirst()
                .orElse(null);
    }

    private static void collect(List<Section> sections, List<TaskView> into) {
        for (Section section : sections) {
            into.addAll(section.tasks());
            collect(section.children(), into);
        }
    }
}
