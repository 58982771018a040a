package org.duban.query.plan;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.MetadataKeys;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.IndicatorView;
import org.duban.api.plan.FindPlanIndicators;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanImportRecorded;
import org.duban.api.plan.PlanTree;
import org.duban.api.plan.SectionAdded;
import org.duban.api.task.TaskAdjustmentApproved;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskDueDateAdjusted;
import org.duban.api.task.TaskTextAdjusted;
import org.duban.api.indicator.IndicatorTargetAdjusted;
import org.duban.api.task.TaskUnitsChanged;
import org.duban.api.task.TaskView;
import org.duban.api.unit.FindUnitTasks;
import org.duban.api.unit.UnitRef;
import org.duban.api.unit.UnitTasks;
import org.duban.query.ProjectionTables;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The plan tree (sections, tasks, indicators, imports) and the tasks of each unit. */
@Component
@ProcessingGroup(PlanTreeProjection.PROCESSING_GROUP)
@ProjectionTables({"plan_import", "plan_indicator_unit", "plan_indicator", "plan_task_co_unit", "plan_task",
        "plan_section"})
class PlanTreeProjection {
    static final String PROCESSING_GROUP = "plan-tree";

    private final PlanSummaryRepository plans;
    private final SectionRepository sections;
    private final TaskRepository tasks;
    private final IndicatorRepository indicators;
    private final PlanImportRepository imports;

    PlanTreeProjection(PlanSummaryRepository plans, SectionRepository sections, TaskRepository tasks,
                       IndicatorRepository indicators, PlanImportRepository imports) {
        this.plans = plans;
        this.sections = sections;
        this.tasks = tasks;
        this.indicators = indicators;
        this.imports = imports;
    }

    @EventHandler
    void on(SectionAdded event) {
        sections.save(new SectionEntity(event.sectionId(), event.planId(), event.parentSectionId(), event.level(),
                event.code(), event.title(), event.position()));
    }

    @EventHandler
    void on(TaskCreated event) {
        tasks.save(new TaskEntity(event));
    }

    /** Approved changes of text or due date show in the tree; unit and target changes stay on the task's record. */
    @EventHandler
    void on(TaskAdjustmentApproved event) {
        tasks.findById(event.taskId()).ifPresent(task -> {
            switch (event.kind()) {
                case TEXT -> task.text = event.proposal();
                case DUE_DATE -> task.dueDate = LocalDate.parse(event.proposal());
                default -> {
                }
            }
        });
    }

    // --- dynamic adjustment (动态调整): the tree shows the values in force, the adjustment history what they replaced.
    // Approvals recorded before TaskTextAdjusted and TaskDueDateAdjusted existed are read by the handler above; the
    // two agree on newer ones.

    @EventHandler
    void on(TaskTextAdjusted event) {
        tasks.findById(event.taskId()).ifPresent(task -> task.text = event.toText());
    }

    @EventHandler
    void on(TaskDueDateAdjusted event) {
        tasks.findById(event.taskId()).ifPresent(task -> task.dueDate = event.toDueDate());
    }

    @EventHandler
    void on(IndicatorTargetAdjusted event) {
        indicators.findById(event.indicatorId()).ifPresent(indicator -> indicator.adjustTarget(event.toTarget()));
    }

    @EventHandler
    void on(TaskUnitsChanged event) {
        tasks.findById(event.taskId()).ifPresent(task -> {
            task.leadUnit = new UnitRefEmbeddable(event.leadUnit());
            task.coUnits.clear();
            task.coUnits.addAll(UnitRefEmbeddable.of(event.coUnits()));
        });
    }

    @EventHandler
    void on(IndicatorDefined event) {
        indicators.save(new IndicatorEntity(event));
    }

    @EventHandler
    void on(PlanImportRecorded event, @Timestamp Instant at, @MetaDataValue(MetadataKeys.ACTOR_USER) String user) {
        imports.save(new PlanImportEntity(event, user, at));
    }

    @ResetHandler
    void reset() {
        imports.deleteAllInBatch();
        indicators.deleteAll();
        tasks.deleteAll();
        sections.deleteAllInBatch();
    }

    @QueryHandler
    Optional<PlanTree> handle(FindPlanTree query) {
        return plans.findById(query.planId()).map(plan -> {
            List<TaskView> planTasks = tasks.findByPlanIdOrderByNumber(query.planId()).stream()
                    .map(TaskEntity::toView).toList();
            Map<String, List<SectionEntity>> children = new HashMap<>();
            Set<String> sectionIds = new HashSet<>();
            for (SectionEntity section : sections.findByPlanIdOrderByLevelAscPositionAsc(query.planId())) {
                children.computeIfAbsent(String.valueOf(section.parentSectionId), key -> new ArrayList<>()).add(section);
                sectionIds.add(section.sectionId);
            }
            // a task whose section is not in the tree would be shown nowhere: it is listed with those under no heading
            Map<Boolean, List<TaskView>> placed = planTasks.stream()
                    .collect(Collectors.partitioningBy(task -> sectionIds.contains(task.sectionId())));
            Map<String, List<TaskView>> tasksBySection = placed.get(true).stream()
                    .collect(Collectors.groupingBy(TaskView::sectionId, Collectors.toList()));
            return new PlanTree(plan.toSummary(), tree(String.valueOf((Object) null), children, tasksBySection),
                    placed.get(false),
                    indicators.findByPlanIdOrderByNumber(query.planId()).stream().map(IndicatorEntity::toView).toList(),
                    imports.findByPlanIdOrderByImportedAt(query.planId()).stream().map(PlanImportEntity::toView).toList());
        });
    }

    @QueryHandler
    List<IndicatorView> handle(FindPlanIndicators query) {
        return indicators.findByPlanIdOrderByNumber(query.planId()).stream().map(IndicatorEntity::toView).toList();
    }

    private static List<PlanTree.Section> tree(String parentId, Map<String, List<SectionEntity>> children,
                                               Map<String, List<TaskView>> tasksBySection) {
        return children.getOrDefault(parentId, List.of()).stream()
                .map(section -> new PlanTree.Section(section.sectionId, section.level, section.code, section.title,
                        tree(section.sectionId, children, tasksBySection),
                        tasksBySection.getOrDefault(section.sectionId, List.of())))
                .toList();
    }

    @QueryHandler
    UnitTasks handle(FindUnitTasks query) {
        List<TaskEntity> lead = tasks.findByLeadUnitUnitIdOrderByPlanIdAscNumberAsc(query.unitId());
        List<TaskEntity> co = tasks.findWithCoUnit(query.unitId());
        Map<String, String> planTitles = new HashMap<>();
        Map<String, String> headings = new HashMap<>();
        Function<TaskEntity, UnitTasks.Entry> entry = task -> new UnitTasks.Entry(task.taskId, task.planId,
                planTitles.computeIfAbsent(task.planId, id -> plans.findById(id).map(p -> p.toSummary().title()).orElse("")),
                task.number, task.code,
                task.sectionId == null ? "" : headings.computeIfAbsent(task.sectionId,
                        id -> sections.findById(id).map(s -> s.code + s.title).orElse("")),
                task.text, task.leadUnit.toRef(), UnitRefEmbeddable.refs(task.coUnits));
        return new UnitTasks(query.unitId(), lead.stream().map(entry).toList(), co.stream().map(entry).toList());
    }

}
