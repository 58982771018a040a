package org.duban.api.implementation;

import java.util.List;

/**
 * A parent plan and each plan that names it as parent: the child's progress and its gap report.
 *
 * @param title null when the plan is unknown
 */
public record Implementation(String planId, String title, List<ChildPlan> children) {
    public Implementation {
        children = List.copyOf(children);
    }

    /** The kinds of parent item a child may leave without counterpart. */
    public enum ItemKind { TASK, SECTION, INDICATOR }

    /**
     * @param green       tasks whose on-schedule status is green; likewise amber and red
     * @param notAssessed tasks with no status yet
     * @param accepted    reports accepted, over all periods
     * @param overdue     reports overdue and not accepted
     * @param tasks       every task of the child, for the lists the figures drill into
     * @param gaps        items of the parent with no counterpart in this child
     * @param matches     items of the parent with their counterpart and its score
     */
    public record ChildPlan(String planId, String title, String documentNumber, String planStatus, int taskCount,
                            int green, int amber, int red, int notAssessed, int accepted, int overdue,
                            List<ChildTask> tasks, List<ParentItem> gaps, List<Counterpart> matches) {
        public ChildPlan {
            tasks = List.copyOf(tasks);
            gaps = List.copyOf(gaps);
            matches = List.copyOf(matches);
        }
    }

    /** @param status GREEN, AMBER, RED or null when not assessed */
    public record ChildTask(String taskId, String code, String text, String leadUnitName, String status,
                            int accepted, int overdue) {
    }

    /** @param closest the best score found, below the threshold for a gap */
    public record ParentItem(ItemKind kind, String id, String code, String text, String sectionTitle, double closest) {
    }

    public record Counterpart(ParentItem parent, String childItemId, String childText, double score) {
    }
}
