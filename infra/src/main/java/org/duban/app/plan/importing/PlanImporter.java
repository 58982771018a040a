package org.duban.app.plan.importing;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.Limits;
import org.duban.api.Require;
import org.duban.api.indicator.DefineIndicator;
import org.duban.api.indicator.Direction;
import org.duban.api.plan.AddSection;
import org.duban.api.plan.CreatePlan;
import org.duban.api.plan.FindPlan;
import org.duban.api.plan.ImportCounts;
import org.duban.api.plan.ImportedFile;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.PlanSummary;
import org.duban.api.plan.RecordPlanImport;
import org.duban.api.task.CreateTask;
import org.duban.api.unit.RegisterUnit;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;
import org.duban.api.unit.UnitView;
import org.duban.app.files.FileBytes;
import org.duban.app.plan.importing.PlanContent.IndicatorDraft;
import org.duban.app.plan.importing.PlanContent.SectionDraft;
import org.duban.app.plan.importing.PlanContent.TaskDraft;
import org.duban.app.unit.UnitDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Imports a plan from an office's own table file: reads it, interprets it, reports every problem, and — unless it
 * is a dry run or there is any error — creates the plan, its sections, units, tasks and indicators and records the
 * import, all in one transaction.
 */
@Service
public class PlanImporter {
    private final TableFileReader files;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final TransactionTemplate transaction;

    PlanImporter(TableFileReader files, CommandGateway commands, QueryGateway queries, TransactionTemplate transaction) {
        this.files = files;
        this.commands = commands;
        this.queries = queries;
        this.transaction = transaction;
    }

    public ImportReport importFile(PlanImportRequest request, String fileName, byte[] content, boolean dryRun) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName;
        String sha256 = FileBytes.sha256(content);
        String format = TableFormat.of(name, content);
        List<ImportProblem> errors = new ArrayList<>();
        List<ImportProblem> warnings = new ArrayList<>();

        CreatePlan createPlan = null;
        try {
            createPlan = new CreatePlan(UUID.randomUUID().toString(), request.title(), request.documentNumber(),
                    request.issuer(), request.issueDate(), period(request), request.parentPlanId(),
                    request.supervisingOffice());
            Require.optionalText(request.jurisdiction(), "jurisdiction", Limits.NAME);
            if (createPlan.parentPlanId() != null && queries.query(new FindPlan(createPlan.parentPlanId()),
                    ResponseTypes.optionalInstanceOf(PlanSummary.class)).join().isEmpty()) {
                errors.add(ImportProblem.ofFile(name, "上级规划 " + createPlan.parentPlanId() + " 不存在",
                        "parent plan " + createPlan.parentPlanId() + " does not exist"));
            }
        } catch (IllegalArgumentException e) {
            errors.add(ImportProblem.ofFile(name, "规划信息有误：" + e.getMessage(), "plan " + e.getMessage()));
        }

        PlanContent content0 = PlanContent.empty();
        Map<String, ImportProblem> unitPlaces = Map.of();
        try {
            List<SourceTable> read = files.read(name, content);
            List<SourceTable> grids = read.stream().filter(table -> !table.paragraphs()).toList();
            List<SourceTable> text = read.stream().filter(SourceTable::paragraphs).toList();
            TableInterpreter tables = new TableInterpreter(name, request.mapping(), request.tables());
            PlanContent fromTables = tables.interpret(grids);
            if (tables.foundTable() || text.isEmpty()) {
                content0 = withRows(fromTables, outsideTheTables(text));
                errors.addAll(tables.errors());
                warnings.addAll(tables.warnings());
                unitPlaces = tables.unitPlaces();
            } else {
                // no table with a task or indicator header: the plan is read from the document's running text
                TextPlanInterpreter prose = new TextPlanInterpreter(name);
                PlanContent fromText = prose.interpret(text.get(0));
                List<RowOutcome> rows = new ArrayList<>(fromTables.rows());
                rows.addAll(fromText.rows());
                content0 = new PlanContent(fromText.sections(), fromText.tasks(), fromText.indicators(), rows, true);
                errors.addAll(prose.errors());
                warnings.addAll(tables.warnings());
                warnings.addAll(prose.warnings());
            }
        } catch (UnreadableFile e) {
            errors.addAll(e.problems());
        }
        PlanContent plan = Proposals.apply(content0, request.review(), content0.fromText() && !dryRun, name, sha256,
                errors);

        UnitResolution resolution = resolveUnits(plan);
        for (Map.Entry<String, String> refused : resolution.refused().entrySet()) {
            ImportProblem at = placeOf(name, unitPlaces, plan, refused.getKey());
            errors.add(new ImportProblem(name, at.table(), at.row(), at.column(), refused.getKey(),
                    "单位名称无法登记：" + refused.getValue(), "the unit name cannot be registered: " + refused.getValue()));
        }
        Map<String, UnitRef> units = resolution.units();
        List<String> newUnits = resolution.newNames();
        for (String unit : newUnits) {
            ImportProblem at = placeOf(name, unitPlaces, plan, resolution.writtenAs(unit));
            boolean collective = UnitNames.isCollective(unit);
            warnings.add(new ImportProblem(name, at.table(), at.row(), at.column(), resolution.writtenAs(unit),
                    collective ? "“" + unit + "”不在单位名录中，将登记为集合单位（由督查人员确定具体承办单位）"
                            : "“" + unit + "”不在单位名录中，导入时将登记",
                    collective ? "unit " + unit + " is not in the unit registry; it will be registered as a collective "
                            + "(a supervisor decides who answers for it)"
                            : "unit " + unit + " is not in the unit registry; it will be registered"));
        }
        for (Map.Entry<String, String> alias : resolution.aliases().entrySet()) {
            ImportProblem at = placeOf(name, unitPlaces, plan, alias.getKey());
            warnings.add(new ImportProblem(name, at.table(), at.row(), at.column(), alias.getKey(),
                    "“" + alias.getKey() + "”按“" + alias.getValue() + "”处理，原写法记为其别名",
                    "unit " + alias.getKey() + " is taken as " + alias.getValue() + " and recorded as its alias"));
        }

        if (createPlan != null) {
            errors.addAll(beyondTheContract(name, createPlan, plan, units));
        }

        Map<String, Integer> leadCounts = new LinkedHashMap<>();
        plan.tasks().forEach(task -> leadCounts.merge(task.unitNames().get(0), 1, Integer::sum));
        List<String> unitNames = new ArrayList<>(units.keySet());
        boolean execute = !dryRun && errors.isEmpty();
        String planId = null;
        if (execute) {
            CreatePlan create = createPlan;
            ImportCounts counts = new ImportCounts((int) plan.sectionsAtLevel(1), (int) plan.sectionsAtLevel(2),
                    (int) plan.sectionsAtLevel(3), plan.tasks().size(), plan.indicators().size(), unitNames.size(),
                    newUnits.size(), warnings.size());
            transaction.executeWithoutResult(status ->
                    create(create, plan, resolution, request.jurisdiction(),
                            new ImportedFile(name, content.length, sha256, format), counts));
            planId = create.planId();
        }
        return new ImportReport(dryRun, execute, planId, name, format, content.length, sha256,
                (int) plan.sectionsAtLevel(1), (int) plan.sectionsAtLevel(2), (int) plan.sectionsAtLevel(3),
                plan.tasks().size(), plan.indicators().size(), unitNames, leadCounts, newUnits,
                List.copyOf(errors), List.copyOf(warnings), plan.rows(), plan.fromText(),
                plan.fromText() ? Proposals.of(plan) : List.of());
    }

    /**
     * What the table holds that no command would take (a text over its limit, a due date outside the plan's years),
     * named by section, task or indicator, so that a dry run says it and an import never half-happens.
     */
    private static List<ImportProblem> beyondTheContract(String file, CreatePlan createPlan, PlanContent plan,
                                                         Map<String, UnitRef> units) {
        List<ImportProblem> problems = new ArrayList<>();
        String planId = createPlan.planId();
        for (SectionDraft section : plan.sections()) {
            try {
                new AddSection(planId, "s", section.parentKey() == null ? null : "p", section.level(), section.code(),
                        section.title());
            } catch (IllegalArgumentException e) {
                problems.add(at(file, section.source(), section.code() + section.title(), "标题超出系统的限制：" + e.getMessage(),
                        "section " + section.code() + ": " + e.getMessage()));
            }
        }
        for (TaskDraft task : plan.tasks()) {
            if (task.unitNames().isEmpty() || !units.keySet().containsAll(task.unitNames())) {
                continue; // a unit no command would take is named already
            }
            try {
                List<UnitRef> named = task.unitNames().stream().map(units::get).toList();
                new CreateTask("t", planId, null, task.number(), task.code(), task.text(), named.get(0),
                        named.subList(1, named.size()), task.dueDate(), task.remark(), createPlan.period(),
                        createPlan.supervisingOffice());
            } catch (IllegalArgumentException e) {
                problems.add(at(file, task.source(), task.code(), "任务超出系统的限制：" + e.getMessage(),
                        "task " + (task.code() != null ? task.code() : task.number()) + ": " + e.getMessage()));
            }
        }
        Set<Integer> taskNumbers = plan.tasks().stream().map(TaskDraft::number)
                .collect(Collectors.toSet());
        for (IndicatorDraft indicator : plan.indicators()) {
            if (!units.keySet().containsAll(indicator.unitNames())) {
                continue;
            }
            try {
                // an indicator may only name a task of its own plan (DefineIndicator): here, one of this file's tasks
                if (indicator.taskNumber() != null && !taskNumbers.contains(indicator.taskNumber())) {
                    throw new IllegalArgumentException("it names task " + indicator.taskNumber()
                            + ", which is not among the plan's tasks");
                }
                new DefineIndicator("i", planId, null, indicator.number(), indicator.code(),
                        indicator.taskNumber() == null ? null : "t", indicator.name(), indicator.unitOfMeasure(),
                        indicator.baseline(), indicator.target(), indicator.attribute(), null,
                        indicator.unitNames().stream().map(units::get).toList(), indicator.remark());
            } catch (IllegalArgumentException e) {
                problems.add(at(file, indicator.source(), indicator.name(), "指标超出系统的限制：" + e.getMessage(),
                        "indicator " + (indicator.code() != null ? indicator.code() : indicator.number()) + ": "
                                + e.getMessage()));
            }
        }
        return problems;
    }

    private static ImportProblem at(String file, PlanContent.Source source, String value, String zh, String en) {
        return source == null ? new ImportProblem(file, null, null, null, value, zh, en)
                : new ImportProblem(file, source.table(), source.row(), null, value, zh, en);
    }

    private void create(CreatePlan createPlan, PlanContent plan, UnitResolution resolution, String jurisdiction,
                        ImportedFile file, ImportCounts counts) {
        Map<String, UnitRef> units = resolution.units();
        String planId = createPlan.planId();
        commands.sendAndWait(createPlan);
        Map<String, String> sectionIds = new HashMap<>();
        for (SectionDraft section : plan.sections()) {
            String sectionId = UUID.randomUUID().toString();
            sectionIds.put(section.key(), sectionId);
            commands.sendAndWait(new AddSection(planId, sectionId, section.parentKey() == null ? null
                    : sectionIds.get(section.parentKey()), section.level(), section.code(), section.title()));
        }
        for (String name : resolution.newNames()) {
            commands.sendAndWait(RegisterUnit.named(name, UnitNames.isCollective(name), jurisdiction));
        }
        // registering a registered name adds only the aliases it lacks
        resolution.aliases().forEach((alias, owner) -> commands.sendAndWait(new RegisterUnit(UnitIds.of(owner), owner,
                List.of(alias), UnitNames.isCollective(owner), jurisdiction)));
        Map<Integer, String> taskIds = new HashMap<>();
        for (TaskDraft task : plan.tasks()) {
            List<UnitRef> named = task.unitNames().stream().map(units::get).toList();
            String taskId = UUID.randomUUID().toString();
            taskIds.put(task.number(), taskId);
            commands.sendAndWait(new CreateTask(taskId, planId,
                    task.sectionKey() == null ? null : sectionIds.get(task.sectionKey()), task.number(), task.code(),
                    task.text(), named.get(0), named.subList(1, named.size()), task.dueDate(), task.remark(),
                    createPlan.period(), createPlan.supervisingOffice()));
        }
        // tasks first, so that an indicator names the id of its own plan's task that states it (DefineIndicator)
        for (IndicatorDraft indicator : plan.indicators()) {
            commands.sendAndWait(new DefineIndicator(UUID.randomUUID().toString(), planId, null, indicator.number(),
                    indicator.code(), indicator.taskNumber() == null ? null : taskIds.get(indicator.taskNumber()),
                    indicator.name(), indicator.unitOfMeasure(), indicator.baseline(), indicator.target(),
                    indicator.attribute(), Direction.between(indicator.baseline(), indicator.target()),
                    indicator.unitNames().stream().map(units::get).toList(), indicator.remark(),
                    createPlan.supervisingOffice()));
        }
        commands.sendAndWait(new RecordPlanImport(planId, UUID.randomUUID().toString(), file, counts));
    }

    /**
     * Links each unit name as written to a registered unit: by name, by alias, or — for 区卫生健康委（区疾控局） and
     * 各区县（自治县，以下简称区县）政府 — by its name without the remark ({@link UnitNames#canonicalName}), registered,
     * named in the same file or registered now, whose alias the written form then becomes. A name found nowhere gets
     * the id it will be registered under.
     */
    private UnitResolution resolveUnits(PlanContent plan) {
        Map<String, UnitView> registry = UnitDirectory.byNameOrAlias(queries);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        plan.tasks().forEach(task -> names.addAll(task.unitNames()));
        plan.indicators().forEach(indicator -> names.addAll(indicator.unitNames()));
        Map<String, UnitRef> resolved = new LinkedHashMap<>();
        List<String> newNames = new ArrayList<>();
        Map<String, String> aliases = new LinkedHashMap<>();
        Map<String, String> writtenAs = new HashMap<>();
        Map<String, String> refused = new LinkedHashMap<>();
        for (String name : names) {
            try {
                new UnitRef(UnitIds.of(name), name);
            } catch (IllegalArgumentException e) {
                refused.put(name, e.getMessage()); // named with its row below; no command would take it
                continue;
            }
            UnitView known = registry.get(name);
            String canonical = UnitNames.canonicalName(name);
            if (known == null && !canonical.equals(name)) {
                UnitView registeredCanonical = registry.get(canonical);
                String owner = registeredCanonical != null ? registeredCanonical.name() : canonical;
                if (registeredCanonical == null && !names.contains(canonical) && !newNames.contains(canonical)) {
                    newNames.add(canonical);
                    writtenAs.put(canonical, name);
                }
                aliases.put(name, owner);
                resolved.put(name, new UnitRef(registeredCanonical != null ? registeredCanonical.unitId()
                        : UnitIds.of(owner), name));
                continue;
            }
            if (known == null && !newNames.contains(name)) {
                newNames.add(name);
            }
            resolved.put(name, new UnitRef(known != null ? known.unitId() : UnitIds.of(name), name));
        }
        return new UnitResolution(resolved, newNames, aliases, writtenAs, refused);
    }

    /** Where a unit name was first written: the cell of a table, else the paragraph of the first task naming it. */
    private static ImportProblem placeOf(String file, Map<String, ImportProblem> places, PlanContent plan,
                                         String written) {
        ImportProblem at = places.get(written);
        if (at != null) {
            return at;
        }
        return plan.tasks().stream().filter(task -> task.unitNames().contains(written) && task.source() != null)
                .findFirst().map(task -> new ImportProblem(file, task.source().table(), task.source().row(), null,
                        written, null, null))
                .orElse(new ImportProblem(file, null, null, null, written, null, null));
    }

    private static PlanContent withRows(PlanContent content, List<RowOutcome> more) {
        List<RowOutcome> rows = new ArrayList<>(content.rows());
        rows.addAll(more);
        return new PlanContent(content.sections(), content.tasks(), content.indicators(), rows, content.fromText());
    }

    /** The paragraphs of a Word document around its tables: read, and not part of the plan. */
    private static List<RowOutcome> outsideTheTables(List<SourceTable> text) {
        List<RowOutcome> rows = new ArrayList<>();
        for (SourceTable paragraphs : text) {
            for (SourceTable.SourceRow row : paragraphs.rows()) {
                rows.add(new RowOutcome(paragraphs.name(), row.number(), RowOutcome.Kind.SKIPPED, null,
                        new RowOutcome.Text("表格之外的正文段落，计划从表格导入", "a paragraph outside the tables; the plan is "
                                + "imported from its tables"), RowOutcome.excerpt(row.cell(0))));
            }
        }
        return rows;
    }

    /**
     * Unit names as written → the registered unit each links to; newNames are not registered yet; aliases maps a
     * name such as 区卫生健康委（区疾控局） to the registered name it becomes an alias of; writtenAs gives, for a new
     * name the file wrote only with a remark, the form it wrote; refused, the names no unit could have (too long,
     * control characters), with why.
     */
    private record UnitResolution(Map<String, UnitRef> units, List<String> newNames, Map<String, String> aliases,
                                  Map<String, String> writtenAs, Map<String, String> refused) {
        String writtenAs(String newName) {
            return writtenAs.getOrDefault(newName, newName);
        }
    }

    private static PlanPeriod period(PlanImportRequest request) {
        if (request.startYear() == null || request.endYear() == null) {
            throw new IllegalArgumentException("period: startYear and endYear are required");
        }
        return new PlanPeriod(request.startYear(), request.endYear());
    }
}
