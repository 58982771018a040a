package org.duban.app.plan.importing;

import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.Target;
import org.duban.app.plan.importing.PlanContent.IndicatorDraft;
import org.duban.app.plan.importing.PlanContent.SectionDraft;
import org.duban.app.plan.importing.PlanContent.TaskDraft;
import org.duban.app.plan.importing.SourceTable.SourceRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the decomposition (任务分解) and indicator (指标) tables of a file the way a person reads them: headers by
 * their usual words, an empty cell as "same as above" (merged cells), headings restated after a page break as the
 * same section, the first listed unit as the lead. Collects every problem instead of stopping at the first.
 */
final class TableInterpreter {
    private static final Pattern UNIT_OF_MEASURE = Pattern.compile("^(.+?)\\s*[（(]([^（）()]{1,8})[）)]$");
    private static final Set<String> MEASURES = Set.of("个", "人", "张", "%", "‰", "亿元", "万元", "元", "家", "所", "项",
            "次", "床", "万人", "岁", "年", "平方米", "公顷", "亩", "吨", "万吨", "人次", "万人次", "名", "种", "部", "条",
            "户", "座", "处", "间", "台", "套", "天", "小时", "公里", "千米", "米", "万", "件", "支", "批", "篇");
    private static final Pattern ALL_EXPECTED = Pattern.compile(".*以上指标均为预期性指标.*");
    private static final Pattern ALL_BINDING = Pattern.compile(".*以上指标均为约束性指标.*");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[年\\-/.](?:\\s*(\\d{1,2})\\s*[月\\-/.]?(?:\\s*(\\d{1,2})\\s*日?)?)?(底|末)?");

    private final String file;
    private final ColumnMapping mapping;
    private final List<ImportProblem> errors = new ArrayList<>();
    private final List<ImportProblem> warnings = new ArrayList<>();
    private final Map<String, SectionDraft> sections = new LinkedHashMap<>();
    private final List<TaskDraft> tasks = new ArrayList<>();
    private final List<IndicatorDraft> indicators = new ArrayList<>();

    TableInterpreter(String file, ColumnMapping mapping) {
        this.file = file;
        this.mapping = mapping;
    }

    List<ImportProblem> errors() {
        return errors;
    }

    List<ImportProblem> warnings() {
        return warnings;
    }

    PlanContent interpret(List<SourceTable> tables) {
        boolean anyHeader = false;
        for (SourceTable table : tables) {
            anyHeader |= mapping != null ? readMapped(table) : readRecognised(table);
        }
        if (!anyHeader) {
            // the first row shows the user what was read instead: other headers, or text garbled by a wrong encoding
            Optional<SourceRow> first = tables.stream().flatMap(t -> t.rows().stream()).filter(r -> !r.isBlank()).findFirst();
            errors.add(new ImportProblem(file, null, first.map(SourceRow::number).orElse(null), null,
                    first.map(r -> String.join(" | ", r.cells())).orElse(null),
                    "no table with a task column (具体任务 / 工作任务 / 重点任务 / 任务内容) or an indicator column "
                            + "(指标名称 / 主要指标) was found; give a column mapping if the headers differ, and save "
                            + "CSV files as UTF-8 if the text above looks garbled"));
        } else if (tasks.isEmpty() && indicators.isEmpty() && sections.isEmpty() && errors.isEmpty()) {
            errors.add(ImportProblem.ofFile(file, "the tables have headers but no rows"));
        }
        return new PlanContent(List.copyOf(sections.values()), List.copyOf(tasks), List.copyOf(indicators), List.of(), false);
    }

    // --- finding the tables ----------------------------------------------------------------------------------

    private record Header(int rowIndex, Map<ColumnRole, Integer> columns, Map<Integer, Integer> yearColumns,
                          List<String> labels) {
        boolean isTasks() {
            return columns.containsKey(ColumnRole.TASK);
        }

        boolean isIndicators() {
            return !isTasks() && columns.containsKey(ColumnRole.INDICATOR_NAME);
        }

        String label(int column) {
            String name = SourceTable.columnName(column);
            return column < labels.size() && !labels.get(column).isEmpty() ? name + " (" + labels.get(column) + ")" : name;
        }
    }

    private boolean readMapped(SourceTable table) {
        int start = 0;
        List<String> labels = List.of();
        if (mapping.headerRow() > 0) {
            Optional<SourceRow> headerRow = table.rows().stream().filter(r -> r.number() == mapping.headerRow()).findFirst();
            if (headerRow.isEmpty()) {
                return false;
            }
            start = table.rows().indexOf(headerRow.get()) + 1;
            labels = headerRow.get().cells();
        }
        Map<Integer, Integer> years = new LinkedHashMap<>();
        if (mapping.baselineYear() != null && mapping.columns().containsKey(ColumnRole.BASELINE)) {
            years.put(mapping.columns().get(ColumnRole.BASELINE), mapping.baselineYear());
        }
        if (mapping.targetYear() != null && mapping.columns().containsKey(ColumnRole.TARGET)) {
            years.put(mapping.columns().get(ColumnRole.TARGET), mapping.targetYear());
        }
        Header header = new Header(start - 1, new EnumMap<>(mapping.columns()), years, labels);
        readBody(table, header, start, table.rows().size());
        return true;
    }

    private boolean readRecognised(SourceTable table) {
        List<SourceRow> rows = table.rows();
        boolean found = false;
        int i = 0;
        while (i < rows.size()) {
            Header header = header(rows.get(i), i);
            if (header == null) {
                i++;
                continue;
            }
            found = true;
            if (!header.isTasks() && !header.isIndicators()) {
                errors.add(problem(table, rows.get(i), null, String.join(" | ", rows.get(i).cells()),
                        "this header row has no task column (具体任务 / 工作任务 / 重点任务 / 任务内容) and no indicator "
                                + "column (指标名称 / 主要指标)"));
                i++;
                continue;
            }
            int end = i + 1;
            while (end < rows.size()) {
                Header next = header(rows.get(end), end);
                if (next != null && (next.isTasks() != header.isTasks() || !next.isTasks() && !next.isIndicators())) {
                    break;
                }
                end++;
            }
            readBody(table, header, i + 1, end);
            i = end;
        }
        return found;
    }

    /** A row is a header when at least two of its cells are known header words. */
    private static Header header(SourceRow row, int rowIndex) {
        Map<ColumnRole, Integer> columns = new EnumMap<>(ColumnRole.class);
        Map<Integer, Integer> years = new LinkedHashMap<>();
        int known = 0;
        for (int c = 0; c < row.cells().size(); c++) {
            String cell = row.cell(c);
            if (cell.isEmpty()) {
                continue;
            }
            Optional<ColumnRole> role = ColumnRole.of(cell);
            Optional<Integer> year = ColumnRole.yearOf(cell);
            if (role.isPresent()) {
                columns.putIfAbsent(role.get(), c);
                known++;
            }
            if (year.isPresent()) {
                years.put(c, year.get());
                Optional<ColumnRole> yearRole = ColumnRole.roleOfYearColumn(cell);
                if (yearRole.isPresent()) {
                    columns.putIfAbsent(yearRole.get(), c);
                }
                known += role.isPresent() ? 0 : 1;
            }
        }
        if (known < 2) {
            return null;
        }
        // Two bare year columns (2024年 | 2027年): the earlier is the baseline, the later the target.
        List<Integer> yearColumns = new ArrayList<>(years.keySet());
        if (!columns.containsKey(ColumnRole.TARGET) && !yearColumns.isEmpty()) {
            int latest = yearColumns.stream().max((a, b) -> Integer.compare(years.get(a), years.get(b))).orElseThrow();
            columns.put(ColumnRole.TARGET, latest);
            if (!columns.containsKey(ColumnRole.BASELINE) && yearColumns.size() > 1) {
                int earliest = yearColumns.stream().min((a, b) -> Integer.compare(years.get(a), years.get(b))).orElseThrow();
                columns.put(ColumnRole.BASELINE, earliest);
            }
        }
        return new Header(rowIndex, columns, years, row.cells());
    }

    private void readBody(SourceTable table, Header header, int from, int to) {
        if (header.isTasks()) {
            readTasks(table, header, from, to);
        } else {
            readIndicators(table, header, from, to);
        }
    }

    /** The row is the title of the table that follows (a one-line caption right above a header row). */
    private boolean isTitleOfNextTable(List<SourceRow> rows, int index, int to) {
        for (int next = index + 1; next < rows.size(); next++) {
            if (!rows.get(next).isBlank()) {
                return header(rows.get(next), next) != null && (next >= to || rows.get(index).cells().stream()
                        .filter(cell -> !cell.isEmpty()).count() == 1);
            }
        }
        return false;
    }

    // --- decomposition tables -------------------------------------------------------------------------------

    private void readTasks(SourceTable table, Header header, int from, int to) {
        List<SourceRow> rows = table.rows();
        String[] headings = new String[3];
        String units = null;
        String lead = null;
        String co = null;
        List<String> headerCells = rows.get(Math.max(header.rowIndex(), 0)).cells();
        for (int i = from; i < to; i++) {
            SourceRow row = rows.get(i);
            if (row.isBlank() || header.rowIndex() >= 0 && row.cells().equals(headerCells) && i != header.rowIndex()) {
                continue;
            }
            if (header(row, i) != null) {
                continue; // headers repeated after a page break
            }
            if (isTitleOfNextTable(rows, i, to)) {
                continue;
            }
            ColumnRole[] levels = {ColumnRole.LEVEL1, ColumnRole.LEVEL2, ColumnRole.LEVEL3};
            for (int level = 0; level < 3; level++) {
                String cell = cell(row, header, levels[level]);
                if (!cell.isEmpty() && (headings[level] == null || !Headings.key(cell).equals(Headings.key(headings[level])))) {
                    headings[level] = cell;
                    for (int lower = level + 1; lower < 3; lower++) {
                        headings[lower] = null;
                    }
                }
            }
            String sectionKey = section(headings);
            String unitsCell = cell(row, header, ColumnRole.UNITS);
            if (!unitsCell.isEmpty()) {
                units = unitsCell;
            }
            String leadCell = cell(row, header, ColumnRole.LEAD_UNIT);
            if (!leadCell.isEmpty()) {
                lead = leadCell;
                co = cell(row, header, ColumnRole.CO_UNITS);
            } else if (!cell(row, header, ColumnRole.CO_UNITS).isEmpty()) {
                co = cell(row, header, ColumnRole.CO_UNITS);
            }
            String text = cell(row, header, ColumnRole.TASK);
            if (text.isEmpty()) {
                continue; // a heading-only row: its sections exist, it has no task
            }
            List<String> names = new ArrayList<>();
            if (lead != null && header.columns().containsKey(ColumnRole.LEAD_UNIT)) {
                names.addAll(UnitNames.split(lead));
                if (co != null) {
                    UnitNames.split(co).stream().filter(n -> !names.contains(n)).forEach(names::add);
                }
            } else if (units != null) {
                names.addAll(UnitNames.split(units));
            }
            if (names.isEmpty()) {
                Integer column = header.columns().getOrDefault(ColumnRole.UNITS, header.columns().get(ColumnRole.LEAD_UNIT));
                errors.add(problem(table, row, column == null ? null : header.label(column), text,
                        column == null ? "the table has no 责任单位 / 牵头单位 column, so this task has no responsible unit"
                                : "this task has no responsible unit (责任单位), and no unit above it to carry down"));
                continue;
            }
            tasks.add(new TaskDraft(tasks.size() + 1, null, sectionKey, text, names,
                    dueDate(table, row, header), emptyToNull(cell(row, header, ColumnRole.REMARK)), null));
        }
    }

    private String section(String[] headings) {
        String parentKey = null;
        int level = 0;
        for (String heading : headings) {
            if (heading == null) {
                continue;
            }
            level++;
            String key = (parentKey == null ? "" : parentKey + "/") + Headings.key(heading);
            if (!sections.containsKey(key)) {
                String[] split = Headings.split(heading);
                sections.put(key, new SectionDraft(key, parentKey, level, split[0], split[1], null));
            }
            parentKey = key;
        }
        return parentKey;
    }

    private LocalDate dueDate(SourceTable table, SourceRow row, Header header) {
        String written = cell(row, header, ColumnRole.DUE_DATE);
        if (written.isEmpty()) {
            return null;
        }
        Matcher date = DATE.matcher(written.replaceAll("\\s+", ""));
        if (date.find()) {
            int year = Integer.parseInt(date.group(1));
            try {
                if (date.group(2) == null) {
                    return LocalDate.of(year, 12, 31);
                }
                YearMonth month = YearMonth.of(year, Integer.parseInt(date.group(2)));
                return date.group(3) == null ? month.atEndOfMonth() : month.atDay(Integer.parseInt(date.group(3)));
            } catch (java.time.DateTimeException e) {
                // fall through to the warning below
            }
        }
        warnings.add(problem(table, row, header.label(header.columns().get(ColumnRole.DUE_DATE)), written,
                "the due date is not a date such as 2025年12月 or 2025-06-30; the task is imported without one"));
        return null;
    }

    // --- indicator tables -----------------------------------------------------------------------------------

    private void readIndicators(SourceTable table, Header header, int from, int to) {
        List<SourceRow> rows = table.rows();
        String units = null;
        int first = indicators.size();
        IndicatorAttribute noted = null;
        for (int i = from; i < to; i++) {
            SourceRow row = rows.get(i);
            if (row.isBlank() || header(row, i) != null) {
                continue;
            }
            String name = cell(row, header, ColumnRole.INDICATOR_NAME);
            if (name.isEmpty()) {
                String note = String.join("", row.cells());
                if (ALL_EXPECTED.matcher(note).matches()) {
                    noted = IndicatorAttribute.EXPECTED;
                } else if (ALL_BINDING.matcher(note).matches()) {
                    noted = IndicatorAttribute.BINDING;
                }
                continue; // a note or caption row
            }
            String unitsCell = cell(row, header, ColumnRole.UNITS);
            if (!unitsCell.isEmpty()) {
                units = unitsCell;
            }
            String unitOfMeasure = emptyToNull(cell(row, header, ColumnRole.UNIT_OF_MEASURE));
            Matcher measure = UNIT_OF_MEASURE.matcher(name);
            if (measure.matches() && (MEASURES.contains(measure.group(2).strip()) || measure.group(2).contains("/"))) {
                name = measure.group(1).strip();
                unitOfMeasure = unitOfMeasure == null ? measure.group(2).strip() : unitOfMeasure;
            }
            Baseline baseline = null;
            Integer baselineColumn = header.columns().get(ColumnRole.BASELINE);
            if (baselineColumn != null) {
                String written = row.cell(baselineColumn);
                try {
                    baseline = Baseline.parse(header.yearColumns().get(baselineColumn), written);
                } catch (IllegalArgumentException e) {
                    errors.add(problem(table, row, header.label(baselineColumn), written, "baseline " + e.getMessage()));
                    continue;
                }
            }
            Integer targetColumn = header.columns().get(ColumnRole.TARGET);
            if (targetColumn == null) {
                errors.add(problem(table, row, null, name, "the indicator table has no target column (目标值 or a year such as 2027年)"));
                break;
            }
            Target target;
            String writtenTarget = row.cell(targetColumn);
            try {
                target = Target.parse(header.yearColumns().get(targetColumn), writtenTarget);
            } catch (IllegalArgumentException e) {
                errors.add(problem(table, row, header.label(targetColumn), writtenTarget, e.getMessage()));
                continue;
            }
            IndicatorAttribute attribute = null;
            String writtenAttribute = cell(row, header, ColumnRole.ATTRIBUTE);
            if (!writtenAttribute.isEmpty()) {
                try {
                    attribute = IndicatorAttribute.parse(writtenAttribute);
                } catch (IllegalArgumentException e) {
                    errors.add(problem(table, row, header.label(header.columns().get(ColumnRole.ATTRIBUTE)),
                            writtenAttribute, e.getMessage()));
                    continue;
                }
            }
            if (Direction.between(baseline, target) == Direction.DECREASE && target.kind() != org.duban.api.indicator.TargetKind.AT_MOST) {
                warnings.add(problem(table, row, header.label(targetColumn), writtenTarget,
                        "the target is below the baseline " + baseline.asWritten() + "; check that this is meant"));
            }
            if (target.percent() && target.high() != null && target.high().compareTo(BigDecimal.valueOf(100)) > 0) {
                warnings.add(problem(table, row, header.label(targetColumn), writtenTarget, "a percentage above 100%"));
            }
            indicators.add(new IndicatorDraft(indicators.size() + 1, null, name, unitOfMeasure, baseline, target, attribute,
                    units == null ? List.of() : UnitNames.split(units),
                    emptyToNull(cell(row, header, ColumnRole.REMARK)), null, null));
        }
        if (noted != null) {
            for (int i = first; i < indicators.size(); i++) {
                IndicatorDraft draft = indicators.get(i);
                if (draft.attribute() == null) {
                    indicators.set(i, new IndicatorDraft(draft.number(), draft.code(), draft.name(), draft.unitOfMeasure(),
                            draft.baseline(), draft.target(), noted, draft.unitNames(), draft.remark(),
                            draft.taskNumber(), draft.source()));
                }
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static String cell(SourceRow row, Header header, ColumnRole role) {
        Integer column = header.columns().get(role);
        return column == null ? "" : row.cell(column).strip();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private ImportProblem problem(SourceTable table, SourceRow row, String column, String value, String message) {
        return new ImportProblem(file, table.name(), row.number(), column, value, message);
    }
}
