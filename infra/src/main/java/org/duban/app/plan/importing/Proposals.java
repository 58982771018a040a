package org.duban.app.plan.importing;

import org.duban.api.indicator.Target;
import org.duban.app.plan.importing.ImportReview.Action;
import org.duban.app.plan.importing.ImportReview.Decision;
import org.duban.app.plan.importing.PlanContent.IndicatorDraft;
import org.duban.app.plan.importing.PlanContent.SectionDraft;
import org.duban.app.plan.importing.PlanContent.TaskDraft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The items of an import as proposals with stable ids, and a supervisor's review applied to them. */
final class Proposals {

    private Proposals() {
    }

    static String sectionId(int index) {
        return "s" + (index + 1);
    }

    static String taskId(TaskDraft task) {
        return "t" + task.number();
    }

    static String indicatorId(IndicatorDraft indicator) {
        return "i" + indicator.number();
    }

    static List<ProposedItem> of(PlanContent plan) {
        Map<String, SectionDraft> byKey = new HashMap<>();
        plan.sections().forEach(section -> byKey.put(section.key(), section));
        List<ProposedItem> items = new ArrayList<>();
        for (int i = 0; i < plan.sections().size(); i++) {
            SectionDraft section = plan.sections().get(i);
            items.add(new ProposedItem(sectionId(i), ProposedItem.Kind.SECTION, section.code(), section.level(),
                    path(byKey, section.parentKey()), section.title(), null, List.of(), null, null, null, null, null,
                    table(section.source()), row(section.source()), text(section.source())));
        }
        for (TaskDraft task : plan.tasks()) {
            List<String> units = task.unitNames();
            items.add(new ProposedItem(taskId(task), ProposedItem.Kind.TASK, task.code(), null,
                    path(byKey, task.sectionKey()), task.text(), units.isEmpty() ? null : units.get(0),
                    units.size() > 1 ? units.subList(1, units.size()) : List.of(), task.dueDate(), null, null, null,
                    task.remark(), table(task.source()), row(task.source()), text(task.source())));
        }
        for (IndicatorDraft indicator : plan.indicators()) {
            List<String> units = indicator.unitNames();
            items.add(new ProposedItem(indicatorId(indicator), ProposedItem.Kind.INDICATOR, indicator.code(), null,
                    null, indicator.name(), units.isEmpty() ? null : units.get(0),
                    units.size() > 1 ? units.subList(1, units.size()) : List.of(), null, indicator.unitOfMeasure(),
                    indicator.target().asWritten(), indicator.taskNumber() == null ? null : "t" + indicator.taskNumber(),
                    indicator.remark(), table(indicator.source()), row(indicator.source()), text(indicator.source())));
        }
        return items;
    }

    /**
     * The content as the review decides. Problems (an unknown id, an item not decided when every one must be, a
     * target that cannot be read) are added to errors, naming the item and the paragraph or row it came from.
     */
    static PlanContent apply(PlanContent plan, ImportReview review, boolean everyItem, String file, String sha256,
                             List<ImportProblem> errors) {
        if (review != null && !sha256.equalsIgnoreCase(String.valueOf(review.sha256()))) {
            errors.add(new ImportProblem(file, null, null, null, review.sha256(),
                    "审核意见针对的不是这份文件（SHA-256 不同）：请先检查这份文件，再按它的建议项审核",
                    "the review is not of this file (its SHA-256 differs): run a dry run of this file and review "
                            + "the items it proposes"));
            return plan;
        }
        Map<String, Decision> decisions = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        of(plan).forEach(item -> ids.add(item.id()));
        for (Decision decision : review == null ? List.<Decision>of() : review.items()) {
            if (decision.id() == null || !ids.contains(decision.id())) {
                errors.add(new ImportProblem(file, null, null, null, decision.id(),
                        "审核意见中的“" + decision.id() + "”不是本文件的建议项",
                        "the review names " + decision.id() + ", which is not an item proposed from this file"));
            } else if (decision.action() == null) {
                errors.add(new ImportProblem(file, null, null, null, decision.id(),
                        "审核意见没有说明对“" + decision.id() + "”保留、修改还是删除",
                        "the review does not say whether to keep, correct or drop " + decision.id()));
            } else {
                decisions.put(decision.id(), decision);
            }
        }
        if (everyItem) {
            List<ProposedItem> undecided = of(plan).stream().filter(item -> !decisions.containsKey(item.id())).toList();
            for (ProposedItem item : undecided) {
                errors.add(new ImportProblem(file, item.sourceTable(), item.sourceRow(), null, item.text(),
                        "从正文读取的" + kindZh(item.kind()) + " " + item.id() + " 尚未审核：请选择保留、修改或删除",
                        "the " + item.kind().name().toLowerCase() + " " + item.id() + " read from the text has not been "
                                + "reviewed: keep, correct or drop it"));
            }
        }
        if (decisions.isEmpty()) {
            return plan;
        }

        // sections: a dropped section's sections and tasks move up to the nearest kept one above it
        Map<String, String> keptParent = new HashMap<>();
        Map<String, SectionDraft> kept = new LinkedHashMap<>();
        Map<String, Integer> levels = new HashMap<>();
        List<RowOutcome> outcomes = new ArrayList<>(plan.rows());
        for (int i = 0; i < plan.sections().size(); i++) {
            SectionDraft section = plan.sections().get(i);
            Decision decision = decisions.get(sectionId(i));
            String parent = section.parentKey() == null ? null
                    : kept.containsKey(section.parentKey()) ? section.parentKey() : keptParent.get(section.parentKey());
            if (decision != null && decision.action() == Action.DROP) {
                keptParent.put(section.key(), parent);
                dropped(outcomes, section.source(), file);
                continue;
            }
            String title = decision != null && decision.action() == Action.CORRECT && present(decision.text())
                    ? decision.text().strip() : section.title();
            int level = parent == null ? 1 : levels.get(parent) + 1;
            levels.put(section.key(), level);
            kept.put(section.key(), new SectionDraft(section.key(), parent, level, section.code(), title,
                    section.source()));
        }

        List<TaskDraft> tasks = new ArrayList<>();
        Map<Integer, Integer> renumbered = new HashMap<>();
        for (TaskDraft task : plan.tasks()) {
            Decision decision = decisions.get(taskId(task));
            if (decision != null && decision.action() == Action.DROP) {
                dropped(outcomes, task.source(), file);
                continue;
            }
            String sectionKey = task.sectionKey() == null || kept.containsKey(task.sectionKey()) ? task.sectionKey()
                    : keptParent.get(task.sectionKey());
            TaskDraft reviewed = new TaskDraft(tasks.size() + 1, task.code(), sectionKey, task.text(), task.unitNames(),
                    task.dueDate(), task.remark(), task.source());
            if (decision != null && decision.action() == Action.CORRECT) {
                reviewed = new TaskDraft(reviewed.number(), task.code(), sectionKey,
                        present(decision.text()) ? decision.text().strip() : task.text(),
                        present(decision.lead()) ? units(decision) : task.unitNames(),
                        decision.dueDate() != null ? decision.dueDate() : task.dueDate(), task.remark(), task.source());
            }
            renumbered.put(task.number(), reviewed.number());
            tasks.add(reviewed);
        }

        List<IndicatorDraft> indicators = new ArrayList<>();
        for (IndicatorDraft indicator : plan.indicators()) {
            Decision decision = decisions.get(indicatorId(indicator));
            if (decision != null && decision.action() == Action.DROP) {
                if (indicator.taskNumber() == null) {
                    dropped(outcomes, indicator.source(), file);
                }
                continue;
            }
            Integer taskNumber = indicator.taskNumber() == null ? null : renumbered.get(indicator.taskNumber());
            String name = indicator.name();
            Target target = indicator.target();
            String unitOfMeasure = indicator.unitOfMeasure();
            // an indicator read from a task's text answers to that task's units, as reviewed
            List<String> units = taskNumber == null ? indicator.unitNames() : tasks.get(taskNumber - 1).unitNames();
            if (decision != null && decision.action() == Action.CORRECT) {
                name = present(decision.name()) ? decision.name().strip() : name;
                unitOfMeasure = present(decision.unitOfMeasure()) ? decision.unitOfMeasure().strip() : unitOfMeasure;
                units = present(decision.lead()) ? units(decision) : units;
                if (present(decision.target())) {
                    try {
                        target = Target.parse(target.year(), decision.target().strip());
                    } catch (IllegalArgumentException e) {
                        PlanContent.Source source = indicator.source();
                        errors.add(new ImportProblem(file, source == null ? null : source.table(),
                                source == null ? null : source.row(), null, decision.target(),
                                "指标 " + indicatorId(indicator) + " 修改后的目标值无法读取：" + e.getMessage(),
                                "the corrected target of " + indicatorId(indicator) + " cannot be read: " + e.getMessage()));
                        continue;
                    }
                }
            }
            indicators.add(new IndicatorDraft(indicators.size() + 1, indicator.code(), name, unitOfMeasure,
                    indicator.baseline(), target, indicator.attribute(), units, indicator.remark(), taskNumber,
                    indicator.source()));
        }
        return new PlanContent(List.copyOf(kept.values()), tasks, indicators, outcomes, plan.fromText());
    }

    private static List<String> units(Decision decision) {
        List<String> units = new ArrayList<>();
        units.add(decision.lead().strip());
        if (decision.coUnits() != null) {
            decision.coUnits().stream().filter(Proposals::present).map(String::strip)
                    .filter(unit -> !units.contains(unit)).forEach(units::add);
        }
        return units;
    }

    /** The row an item was read from is now accounted for as dropped in review. */
    private static void dropped(List<RowOutcome> outcomes, PlanContent.Source source, String file) {
        if (source == null) {
            return;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            RowOutcome outcome = outcomes.get(i);
            if (outcome.table().equals(source.table()) && outcome.row() == source.row()
                    && outcome.kind() != RowOutcome.Kind.SKIPPED) {
                outcomes.set(i, new RowOutcome(outcome.table(), outcome.row(), RowOutcome.Kind.SKIPPED, outcome.item(),
                        new RowOutcome.Text("审核时删除", "dropped in review"), outcome.excerpt()));
            }
        }
    }

    private static String kindZh(ProposedItem.Kind kind) {
        return switch (kind) {
            case SECTION -> "标题";
            case TASK -> "任务";
            case INDICATOR -> "指标";
        };
    }

    private static String path(Map<String, SectionDraft> byKey, String key) {
        List<String> headings = new ArrayList<>();
        for (SectionDraft section = key == null ? null : byKey.get(key); section != null;
             section = section.parentKey() == null ? null : byKey.get(section.parentKey())) {
            headings.add(0, section.code() + section.title());
        }
        return headings.isEmpty() ? null : String.join(" / ", headings);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static String table(PlanContent.Source source) {
        return source == null ? null : source.table();
    }

    private static int row(PlanContent.Source source) {
        return source == null ? 0 : source.row();
    }

    private static String text(PlanContent.Source source) {
        return source == null ? null : source.text();
    }
}
