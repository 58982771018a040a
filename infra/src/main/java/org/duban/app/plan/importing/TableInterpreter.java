package org.duban.app.plan.importing;

import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.Target;
import org.duban.api.indicator.TargetKind;
import org.duban.app.plan.importing.PlanContent.IndicatorDraft;
import org.duban.app.plan.importing.PlanContent.SectionDraft;
import org.duban.app.plan.importing.PlanContent.TaskDraft;
import org.duban.app.plan.importing.SourceTable.SourceRow;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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

    private static final Pattern ONGOING = Pattern.compile("^(长期坚持|持续推进|长期推进|持续开展|常态化推进|长期|持续|常态化|每年|逐年推进)$");
    private static final Pattern NOTE = Pattern.compile("^(注|备注|说明|附注|资料来源|填报说明|填表说明)[：:].*|^以上.*", Pattern.DOTALL);
    private static final Pattern CHINESE_NUMBER = Pattern.compile("^[（(]?[一二三四五六七八九十百]+[）)]?[、.．]?$");
    private static final ColumnRole[] LEVELS = {ColumnRole.LEVEL1, ColumnRole.LEVEL2, ColumnRole.LEVEL3};

    private final String file;
    private final ColumnMapping mapping;
    private final List<ImportProblem> errors = new ArrayList<>();
    private final List<ImportProblem> warnings = new ArrayList<>();
    private final Map<String, SectionDraft> sections = new LinkedHashMap<>();
    private final List<TaskDraft> tasks = new ArrayList<>();
    private final List<IndicatorDraft> indicators = new ArrayList<>();
    private final List<RowOutcome> outcomes = new ArrayList<>();
    /** Where each unit name was first written, for messages about the unit. */
    private final Map<String, ImportProblem> unitPlaces = new LinkedHashMap<>();
    private boolean foundTable;

    private final TableDeclarations declarations;

    TableInterpreter(String file, ColumnMapping mapping) {
        this(file, mapping, null);
    }

    /** @param declarations what the user says some tables are, or null to recognise every table by its header */
    TableInterpreter(String file, ColumnMapping mapping, TableDeclarations declarations) {
        this.file = file;
        this.mapping = mapping;
        this.declarations = declarations;
    }

    List<ImportProblem> errors() {
        return errors;
    }

    List<ImportProblem> warnings() {
        return warnings;
    }

    /** The file, table, row and column where a unit name was first written (value = the name). */
    Map<String, ImportProblem> unitPlaces() {
        return unitPlaces;
    }

    /** Whether any table had a task or indicator header (or a mapping was given): the file is read as tables. */
    boolean foundTable() {
        return foundTable;
    }

    PlanContent interpret(List<SourceTable> tables) {
        boolean anyHeader = false;
        if (declarations != null) {
            List<String> names = tables.stream().map(SourceTable::name).toList();
            declarations.tables().keySet().stream().filter(name -> !names.contains(name)).sorted().forEach(name ->
                    errors.add(new ImportProblem(file, name, null, null, name,
                            "文件中没有名为“" + name + "”的表格；文件中的表格为：" + String.join("、", names),
                            "the file has no table named " + name + "; its tables are: " + String.join(", ", names))));
        }
        for (SourceTable table : tables) {
            TableDeclarations.Kind declared = declarations == null ? null : declarations.of(table.name());
            if (declared == TableDeclarations.Kind.SKIP) {
                table.rows().stream().filter(row -> !row.isBlank()).forEach(row -> outcome(table, row,
                        RowOutcome.Kind.SKIPPED, null, "导入时声明此表不属于规划", "declared not part of the plan"));
                continue;
            }
            TableDeclarations.Kind mappedKind = mapping == null ? null : mapping.columns().containsKey(ColumnRole.TASK)
                    ? TableDeclarations.Kind.TASKS : TableDeclarations.Kind.INDICATORS;
            boolean read = mapping != null && (declared == null || declared == mappedKind) ? readMapped(table)
                    : readRecognised(table, declared);
            anyHeader |= read;
            if (!read) {
                notATable(table);
                if (declared != null) {
                    errors.add(new ImportProblem(file, table.name(), null, null, null,
                            "“" + table.name() + "”声明为" + (declared == TableDeclarations.Kind.TASKS ? "任务表" : "指标表")
                                    + "，但没有找到相应的表头；请给出列映射",
                            table.name() + " is declared as " + declared + " but has no such header; give a column mapping"));
                }
            }
        }
        foundTable = anyHeader;
        if (!anyHeader) {
            // the first row shows the user what was read instead: other headers, or text garbled by a wrong encoding
            Optional<SourceTable> firstTable = tables.stream().filter(t -> t.rows().stream().anyMatch(r -> !r.isBlank())).findFirst();
            Optional<SourceRow> first = firstTable.flatMap(t -> t.rows().stream().filter(r -> !r.isBlank()).findFirst());
            errors.add(new ImportProblem(file, firstTable.map(SourceTable::name).orElse(null),
                    first.map(SourceRow::number).orElse(null), null,
                    first.map(r -> String.join(" | ", r.cells())).orElse(null),
                    "没有找到带任务列（具体任务、工作任务、重点任务、任务内容）或指标列（指标名称、主要指标）的表格；"
                            + "表头写法不同时请给出列映射；如果上面的文字是乱码，请把 CSV 文件另存为 UTF-8",
                    "no table with a task column (具体任务 / 工作任务 / 重点任务 / 任务内容) or an indicator column "
                            + "(指标名称 / 主要指标) was found; give a column mapping if the headers differ, and save "
                            + "CSV files as UTF-8 if the text above looks garbled"));
        } else if (tasks.isEmpty() && indicators.isEmpty() && sections.isEmpty() && errors.isEmpty()) {
            errors.add(new ImportProblem(file, null, null, null, null, "表格有表头，但没有任何内容行",
                    "the tables have headers but no rows"));
        }
        return new PlanContent(List.copyOf(sections.values()), List.copyOf(tasks), List.copyOf(indicators),
                outcomes, false);
    }

    /** A sheet or table without a task or indicator header: every row of it is accounted for as skipped. */
    private void notATable(SourceTable table) {
        long rows = table.rows().stream().filter(r -> !r.isBlank()).count();
        if (rows == 0) {
            return;
        }
        for (SourceRow row : table.rows()) {
            if (!row.isBlank()) {
                outcome(table, row, RowOutcome.Kind.SKIPPED, null, "不在任何带表头的任务表或指标表中",
                        "not in any table with a task or indicator header");
            }
        }
        warnings.add(new ImportProblem(file, table.name(), null, null, null,
                "“" + table.name() + "”没有任务表头或指标表头，其中 " + rows + " 行未导入",
                table.name() + " has no task or indicator header; its " + rows + " rows are not imported"));
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

        String label(ColumnRole role) {
            Integer column = columns.get(role);
            return column == null ? null : label(column);
        }

        /** The same header again (after a page break), compared without spaces. */
        boolean isRepeatedBy(SourceRow row) {
            List<String> cells = row.cells().stream().map(ColumnRole::normalize).toList();
            List<String> own = labels.stream().map(ColumnRole::normalize).toList();
            int n = Math.max(cells.size(), own.size());
            for (int c = 0; c < n; c++) {
                String a = c < cells.size() ? cells.get(c) : "";
                String b = c < own.size() ? own.get(c) : "";
                if (!a.equals(b)) {
                    return false;
                }
            }
            return true;
        }

        /** This header with the row below it, whose words name the columns under a spanning heading. */
        Header with(SourceRow below) {
            Map<ColumnRole, Integer> merged = new EnumMap<>(columns);
            Map<Integer, Integer> years = new LinkedHashMap<>(yearColumns);
            List<String> words = new ArrayList<>(labels);
            boolean explicit = false;
            for (int c = 0; c < below.cells().size(); c++) {
                String cell = below.cell(c);
                if (cell.isEmpty()) {
                    continue;
                }
                Optional<ColumnRole> role = ColumnRole.of(cell);
                if (role.isPresent()) {
                    merged.put(role.get(), c);
                }
                Optional<Integer> year = ColumnRole.yearOf(cell);
                if (year.isPresent()) {
                    years.put(c, year.get());
                    Optional<ColumnRole> yearRole = ColumnRole.roleOfYearColumn(cell);
                    if (yearRole.isPresent()) {
                        merged.put(yearRole.get(), c);
                        explicit = true;
                    }
                }
                while (words.size() <= c) {
                    words.add("");
                }
                words.set(c, words.get(c).isEmpty() ? cell : words.get(c) + " " + cell);
            }
            if (years.size() >= 2 && !explicit) {
                // 2020年 | 2025年 under 目标值 or 指标值: the earlier is the baseline, the later the target
                merged.put(ColumnRole.TARGET, years.entrySet().stream().max(Map.Entry.comparingByValue())
                        .orElseThrow().getKey());
                merged.put(ColumnRole.BASELINE, years.entrySet().stream().min(Map.Entry.comparingByValue())
                        .orElseThrow().getKey());
            } else if (years.size() == 1 && !merged.containsKey(ColumnRole.TARGET)) {
                merged.put(ColumnRole.TARGET, years.keySet().iterator().next());
            }
            return new Header(rowIndex, merged, years, words);
        }

        /** The column levels the header has (一级指标 | 二级指标 …), in order. */
        int columnLevels() {
            int n = 0;
            for (ColumnRole level : LEVELS) {
                n += columns.containsKey(level) ? 1 : 0;
            }
            return n;
        }
    }

    private boolean readMapped(SourceTable table) {
        List<SourceRow> rows = table.rows();
        int start = 0;
        List<String> labels = List.of();
        if (mapping.headerRow() > 0) {
            Optional<SourceRow> headerRow = rows.stream().filter(r -> r.number() == mapping.headerRow()).findFirst();
            if (headerRow.isEmpty()) {
                return false;
            }
            start = rows.indexOf(headerRow.get()) + 1;
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
        for (int i = 0; i < start; i++) {
            SourceRow row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            if (i == start - 1) {
                outcome(table, row, RowOutcome.Kind.HEADER, null, null, null);
            } else {
                aboveHeader(table, rows, i);
            }
        }
        Body body = new Body(table, header).prescan(rows, start);
        for (int i = start; i < rows.size(); i++) {
            SourceRow row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            if (!labels.isEmpty() && header.isRepeatedBy(row)) {
                outcome(table, row, RowOutcome.Kind.REPEATED_HEADER, null, null, null);
            } else {
                body.read(row);
            }
        }
        return true;
    }

    private boolean readRecognised(SourceTable table, TableDeclarations.Kind declared) {
        List<SourceRow> rows = table.rows();
        boolean hasHeader = false;
        for (int i = 0; i < rows.size() && !hasHeader; i++) {
            Header header = header(rows.get(i), i);
            hasHeader = header != null && (declared == null || declared == kindOf(header));
        }
        if (!hasHeader) {
            return false;
        }
        Body body = null;
        for (int i = 0; i < rows.size(); i++) {
            SourceRow row = rows.get(i);
            if (row.isBlank()) {
                continue;
            }
            if (body != null && !body.started && continuesHeader(row)) {
                // a header of two rows (责任单位 over 牵头单位 | 配合单位, 目标值 over 2020年 | 2025年)
                outcome(table, row, RowOutcome.Kind.HEADER, null, null, null);
                body = new Body(table, body.header.with(row)).prescan(rows, i + 1);
                continue;
            }
            Header header = header(row, i);
            if (header != null && body != null && body.header.isRepeatedBy(row)) {
                outcome(table, row, RowOutcome.Kind.REPEATED_HEADER, null, null, null);
                continue;
            }
            if (header != null) {
                if (!header.isTasks() && !header.isIndicators()) {
                    outcome(table, row, RowOutcome.Kind.REFUSED, null, "表头中没有任务列或指标列",
                            "a header without a task or an indicator column");
                    errors.add(problem(table, row, null, String.join(" | ", row.cells()),
                            "这一表头行没有任务列（具体任务、工作任务、重点任务、任务内容），也没有指标列（指标名称、主要指标）",
                            "this header row has no task column (具体任务 / 工作任务 / 重点任务 / 任务内容) and no indicator "
                                    + "column (指标名称 / 主要指标)"));
                    body = null;
                    continue;
                }
                if (declared != null && declared != kindOf(header)) {
                    outcome(table, row, RowOutcome.Kind.REFUSED, null, "表头与导入时对此表的声明不符",
                            "a header of another kind than the table is declared as");
                    errors.add(problem(table, row, null, String.join(" | ", row.cells()),
                            "此表声明为" + (declared == TableDeclarations.Kind.TASKS ? "任务表" : "指标表")
                                    + "，但这一行是" + (header.isTasks() ? "任务表" : "指标表") + "的表头",
                            "the table is declared as " + declared + ", but this row is a header of "
                                    + (header.isTasks() ? "tasks" : "indicators")));
                    body = null;
                    continue;
                }
                outcome(table, row, RowOutcome.Kind.HEADER, null, null, null);
                body = new Body(table, header).prescan(rows, i + 1);
                continue;
            }
            if (body == null) {
                aboveHeader(table, rows, i);
            } else if (captionOfNextTable(rows, i)) {
                outcome(table, row, RowOutcome.Kind.CAPTION, null, null, null);
            } else {
                body.read(row);
            }
        }
        return true;
    }

    private static TableDeclarations.Kind kindOf(Header header) {
        return header.isTasks() ? TableDeclarations.Kind.TASKS : TableDeclarations.Kind.INDICATORS;
    }

    /** Every filled cell of the row is a header word or a year: the second row of a two-row header. */
    private static boolean continuesHeader(SourceRow row) {
        List<String> texts = distinctTexts(row);
        return !texts.isEmpty() && texts.stream().allMatch(cell -> ColumnRole.of(cell).isPresent()
                || ColumnRole.yearOf(cell).isPresent());
    }

    /** A row above the first header: the table's caption right above it, else text before the table. */
    private void aboveHeader(SourceTable table, List<SourceRow> rows, int index) {
        SourceRow row = rows.get(index);
        if (nextNonBlankIsHeader(rows, index)) {
            outcome(table, row, RowOutcome.Kind.CAPTION, null, null, null);
        } else {
            outcome(table, row, RowOutcome.Kind.SKIPPED, null, "表头之前的文字（如附件编号、文件标题），不属于表格内容",
                    "text above the table's header (an attachment number, the document's title), not part of the table");
        }
    }

    private boolean nextNonBlankIsHeader(List<SourceRow> rows, int index) {
        for (int next = index + 1; next < rows.size(); next++) {
            if (!rows.get(next).isBlank()) {
                return header(rows.get(next), next) != null
                        || mapping != null && rows.get(next).number() == mapping.headerRow();
            }
        }
        return false;
    }

    /** A one-cell row right above a header of another table (several tables one after another in a sheet). */
    private boolean captionOfNextTable(List<SourceRow> rows, int index) {
        return distinctTexts(rows.get(index)).size() == 1 && nextNonBlankIsHeader(rows, index);
    }

    /**
     * A row is a header when at least two of its cells are header words and one of them is not a year: a data row
     * whose values look like years (1850 | 2300) is a data row.
     */
    private static Header header(SourceRow row, int rowIndex) {
        Map<ColumnRole, Integer> columns = new EnumMap<>(ColumnRole.class);
        Map<Integer, Integer> years = new LinkedHashMap<>();
        int known = 0;
        int words = 0;
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
                words++;
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
        if (known < 2 || words == 0) {
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

    private static List<String> distinctTexts(SourceRow row) {
        return row.cells().stream().filter(c -> !c.isEmpty()).distinct().toList();
    }

    // --- the rows under a header ----------------------------------------------------------------------------

    /** The rows under one header, read in order with what they carry down (merged cells, headings above). */
    private final class Body {
        private final SourceTable table;
        private final Header header;
        /** numbering styles of heading rows in the order they first appear: their level */
        private final List<Headings.Style> rowStyles = new ArrayList<>();
        /** the heading rows above the current row, by style level (null where the document skips one) */
        private final List<String> rowHeadingLevels = new ArrayList<>();
        /** the same without the skipped levels: the section path */
        private final List<String> rowHeadings = new ArrayList<>();
        private final String[] columnHeadings = new String[3];
        private String units;
        private String lead;
        private String co;
        private String indicatorGroup;
        private IndicatorAttribute noted;
        private final int firstIndicator = indicators.size();

        Body(SourceTable table, Header header) {
            this.table = table;
            this.header = header;
        }

        /**
         * Reads ahead for the heading rows under this header, so that their levels follow the documents' order of
         * numbering (一、 above （一） above 1.) even when a lower style appears first; uncoded headings that come
         * before any coded one are the top level.
         */
        Body prescan(List<SourceRow> rows, int from) {
            List<Headings.Style> seen = new ArrayList<>();
            for (int i = from; i < rows.size(); i++) {
                SourceRow row = rows.get(i);
                if (row.isBlank() || header.isRepeatedBy(row)) {
                    continue;
                }
                if (header(row, i) != null) {
                    break;
                }
                String heading = header.isTasks() ? headingRow(row) : null;
                if (heading != null) {
                    Headings.Style style = Headings.style(Headings.split(heading)[0]);
                    if (!seen.contains(style)) {
                        seen.add(style);
                    }
                }
            }
            boolean plainFirst = !seen.isEmpty() && seen.get(0) == Headings.Style.NONE;
            seen.sort(Comparator.comparingInt(style -> style == Headings.Style.NONE
                    ? (plainFirst ? -1 : Integer.MAX_VALUE) : style.ordinal()));
            rowStyles.addAll(seen);
            return this;
        }

        /** whether a row under the header has been read: a header continues only on the row right below it */
        private boolean started;

        void read(SourceRow row) {
            started = true;
            if (header.isTasks()) {
                readTask(row);
            } else {
                readIndicator(row);
            }
        }

        /** A heading written as a row of its own: one text, spanning the table or alone in a non-task column. */
        private String headingRow(SourceRow row) {
            List<String> texts = distinctTexts(row);
            String numbered = numberedHeading(row, texts);
            if (numbered != null) {
                return numbered;
            }
            if (texts.size() != 1 || NOTE.matcher(texts.get(0)).matches()) {
                return null;
            }
            String text = texts.get(0);
            int column = firstFilled(row);
            boolean inLevelColumn = false;
            for (ColumnRole level : LEVELS) {
                inLevelColumn |= Integer.valueOf(column).equals(header.columns().get(level));
            }
            if (inLevelColumn || text.matches("\\d+[.．、]?")) {
                return null; // a level column's own heading, or a number without a task
            }
            boolean coded = !Headings.split(text)[0].isEmpty();
            Integer taskColumn = header.columns().get(header.isTasks() ? ColumnRole.TASK : ColumnRole.INDICATOR_NAME);
            if (Integer.valueOf(column).equals(taskColumn)) {
                // alone in the task column: a heading only when numbered as one and the table has no level columns
                // (there, a task whose units are merged from above also stands alone)
                return coded && header.columnLevels() == 0 && !Headings.split(text)[0].matches("\\d.*") ? text : null;
            }
            boolean spansTable = row.cells().stream().filter(c -> !c.isEmpty()).count() > 1;
            return coded || spansTable || text.length() <= 40 && !text.contains("。") ? text : null;
        }

        /**
         * 一 | 总体要求 (the heading's number in the 序号 column, its title beside it, nothing else): a heading. An
         * Arabic number there is a task's, whose units may be merged from above.
         */
        private String numberedHeading(SourceRow row, List<String> texts) {
            Integer numberColumn = header.columns().get(ColumnRole.NUMBER);
            if (numberColumn == null || texts.size() != 2 || header.columnLevels() > 0) {
                return null;
            }
            String number = row.cell(numberColumn);
            Matcher chinese = CHINESE_NUMBER.matcher(number);
            if (!chinese.matches()) {
                return null;
            }
            String title = texts.get(0).equals(number) ? texts.get(1) : texts.get(0);
            int titleColumn = -1;
            for (int c = 0; c < row.cells().size(); c++) {
                if (c != numberColumn && row.cell(c).equals(title)) {
                    titleColumn = c;
                    break;
                }
            }
            boolean unitOrDateColumn = false;
            for (ColumnRole role : List.of(ColumnRole.UNITS, ColumnRole.LEAD_UNIT, ColumnRole.CO_UNITS,
                    ColumnRole.DUE_DATE, ColumnRole.REMARK)) {
                unitOrDateColumn |= Integer.valueOf(titleColumn).equals(header.columns().get(role));
            }
            if (unitOrDateColumn) {
                return null;
            }
            String code = number.startsWith("（") || number.startsWith("(") || number.endsWith("、")
                    || number.endsWith(".") || number.endsWith("．") ? number : number + "、";
            return code + title;
        }

        private void readTask(SourceRow row) {
            List<String> texts = distinctTexts(row);
            if (texts.size() == 1 && NOTE.matcher(texts.get(0)).matches()) {
                outcome(table, row, RowOutcome.Kind.NOTE, null, "表格的注释，未导入", "a note to the table, not imported");
                return;
            }
            String heading = headingRow(row);
            if (heading != null) {
                headingRowSection(row, heading);
                return;
            }
            int offset = rowHeadings.size();
            for (int level = 0; level < 3; level++) {
                String cell = cell(row, header, LEVELS[level]);
                if (!cell.isEmpty() && (columnHeadings[level] == null
                        || !Headings.key(cell).equals(Headings.key(columnHeadings[level])))) {
                    columnHeadings[level] = cell;
                    for (int lower = level + 1; lower < 3; lower++) {
                        columnHeadings[lower] = null;
                    }
                }
            }
            List<String> path = new ArrayList<>(rowHeadings);
            for (String column : columnHeadings) {
                if (column != null) {
                    path.add(column);
                }
            }
            if (path.size() > 3) {
                refuse(row, null, String.join(" / ", path), "标题超过三级：表格中的标题行和层级列合起来不能多于三级",
                        "more than three levels of headings: heading rows and level columns together may have three");
                return;
            }
            String sectionKey = section(path, offset, row);
            String unitsCell = cell(row, header, ColumnRole.UNITS);
            if (!unitsCell.isEmpty()) {
                units = unitsCell;
            }
            // beside a 牵头单位 column, a 责任单位 column (and no 配合单位 column) names the other units
            ColumnRole others = header.columns().containsKey(ColumnRole.CO_UNITS) ? ColumnRole.CO_UNITS : ColumnRole.UNITS;
            String leadCell = cell(row, header, ColumnRole.LEAD_UNIT);
            if (!leadCell.isEmpty()) {
                lead = leadCell;
                co = cell(row, header, others);
            } else if (!cell(row, header, others).isEmpty()) {
                co = cell(row, header, others);
            }
            String text = cell(row, header, ColumnRole.TASK);
            if (text.isEmpty()) {
                boolean onlyHeadings = true;
                for (int c = 0; c < row.cells().size(); c++) {
                    boolean levelColumn = false;
                    for (ColumnRole level : LEVELS) {
                        levelColumn |= Integer.valueOf(c).equals(header.columns().get(level));
                    }
                    onlyHeadings &= row.cell(c).isEmpty() || levelColumn;
                }
                if (onlyHeadings && sectionKey != null) {
                    SectionDraft section = sections.get(sectionKey);
                    outcome(table, row, sectionKind(section.level()), section.code(), null, null);
                } else {
                    refuse(row, header.label(ColumnRole.TASK), String.join(" | ", row.cells()),
                            "这一行没有任务内容，无法确定它属于哪里；请补上任务内容、合并到上一行或删除",
                            "this row has no task text and cannot be placed; add the task text, merge it into the row "
                                    + "above, or delete it");
                }
                return;
            }
            List<String> names = new ArrayList<>();
            String written;
            if (lead != null && header.columns().containsKey(ColumnRole.LEAD_UNIT)) {
                names.addAll(UnitNames.split(lead));
                if (co != null) {
                    UnitNames.split(co).stream().filter(n -> !names.contains(n)).forEach(names::add);
                }
                written = co == null || co.isEmpty() ? lead : lead + "；" + co;
                place(row, header.label(ColumnRole.LEAD_UNIT), UnitNames.split(lead));
                place(row, header.label(others), co == null ? List.of() : UnitNames.split(co));
            } else if (units != null) {
                names.addAll(UnitNames.split(units));
                written = units;
                place(row, header.label(ColumnRole.UNITS), names);
            } else {
                written = null;
            }
            if (names.isEmpty()) {
                String column = header.label(ColumnRole.UNITS) != null ? header.label(ColumnRole.UNITS)
                        : header.label(ColumnRole.LEAD_UNIT);
                if (column == null) {
                    refuse(row, null, text, "表格没有“责任单位”或“牵头单位”列，这项任务没有责任单位",
                            "the table has no 责任单位 / 牵头单位 column, so this task has no responsible unit");
                } else {
                    refuse(row, column, text, "这项任务没有责任单位，上方也没有可沿用的责任单位",
                            "this task has no responsible unit (责任单位), and no unit above it to carry down");
                }
                return;
            }
            String code = emptyToNull(cell(row, header, ColumnRole.NUMBER).replaceAll("[.．、]$", ""));
            List<String> remarks = new ArrayList<>();
            Optional.ofNullable(emptyToNull(cell(row, header, ColumnRole.REMARK))).ifPresent(remarks::add);
            Optional.ofNullable(UnitNames.notes(written)).ifPresent(remarks::add);
            LocalDate due = dueDate(table, row, header, remarks);
            int number = tasks.size() + 1;
            tasks.add(new TaskDraft(number, code, sectionKey, text, names, due,
                    remarks.isEmpty() ? null : String.join("；", remarks), new PlanContent.Source(table.name(),
                    row.number(), text)));
            outcome(table, row, RowOutcome.Kind.TASK, code != null ? code : "#" + number, null, null);
        }

        /** A heading row: its level is the place of its numbering style among the heading rows seen so far. */
        private void headingRowSection(SourceRow row, String heading) {
            String[] split = Headings.split(heading);
            Headings.Style style = Headings.style(split[0]);
            int level = rowStyles.indexOf(style);
            if (level < 0) {
                rowStyles.add(style);
                level = rowStyles.size() - 1;
            }
            // the headings above keep their places; a level the document skips is not invented
            List<String> above = new ArrayList<>();
            for (int l = 0; l < level && l < rowHeadingLevels.size(); l++) {
                if (rowHeadingLevels.get(l) != null) {
                    above.add(rowHeadingLevels.get(l));
                }
            }
            while (rowHeadingLevels.size() > level) {
                rowHeadingLevels.remove(rowHeadingLevels.size() - 1);
            }
            while (rowHeadingLevels.size() < level) {
                rowHeadingLevels.add(null);
            }
            rowHeadingLevels.add(heading);
            rowHeadings.clear();
            rowHeadings.addAll(above);
            rowHeadings.add(heading);
            Arrays.fill(columnHeadings, null);
            units = null;
            lead = null;
            co = null;
            if (rowHeadings.size() + header.columnLevels() > 3 || rowHeadings.size() > 3) {
                refuse(row, null, heading, "标题超过三级：表格中的标题行和层级列合起来不能多于三级",
                        "more than three levels of headings: heading rows and level columns together may have three");
                return;
            }
            String key = section(rowHeadings, rowHeadings.size(), row);
            SectionDraft section = sections.get(key);
            outcome(table, row, sectionKind(section.level()), section.code(), null, null);
        }

        private String section(List<String> headings, int headingRows, SourceRow row) {
            String parentKey = null;
            int level = 0;
            for (String heading : headings) {
                level++;
                String key = (parentKey == null ? "" : parentKey + "/") + Headings.key(heading);
                if (!sections.containsKey(key)) {
                    String[] split = Headings.split(heading);
                    String title = level <= headingRows ? Headings.title(split[1]) : split[1];
                    sections.put(key, new SectionDraft(key, parentKey, level, split[0], title,
                            new PlanContent.Source(table.name(), row.number(), heading)));
                }
                parentKey = key;
            }
            return parentKey;
        }

        private void place(SourceRow row, String column, List<String> written) {
            for (String name : written) {
                unitPlaces.putIfAbsent(name, new ImportProblem(file, table.name(), row.number(), column, name, null, null));
            }
        }

        private void refuse(SourceRow row, String column, String value, String zh, String en) {
            errors.add(problem(table, row, column, value, zh, en));
            outcome(table, row, RowOutcome.Kind.REFUSED, null, zh, en);
        }

        // --- indicator rows ---------------------------------------------------------------------------------

        private void readIndicator(SourceRow row) {
            String name = cell(row, header, ColumnRole.INDICATOR_NAME);
            if (name.isEmpty()) {
                List<String> texts = distinctTexts(row);
                String note = String.join("", texts);
                if (ALL_EXPECTED.matcher(note).matches() || ALL_BINDING.matcher(note).matches()) {
                    noted = ALL_EXPECTED.matcher(note).matches() ? IndicatorAttribute.EXPECTED : IndicatorAttribute.BINDING;
                    applyNote();
                    outcome(table, row, RowOutcome.Kind.NOTE, null, "说明指标属性的注释，用于其上各项指标",
                            "a note on the attribute of the indicators above, applied to them");
                } else if (texts.size() == 1 && NOTE.matcher(note).matches()) {
                    outcome(table, row, RowOutcome.Kind.NOTE, null, "表格的注释，未导入", "a note to the table, not imported");
                } else if (texts.size() == 1 && !note.matches("\\d+[.．、]?")) {
                    indicatorGroup = note;
                    outcome(table, row, RowOutcome.Kind.NOTE, null, "指标分组标题，记入其下各项指标的备注",
                            "a group heading of indicators, recorded in the remark of the indicators under it");
                } else {
                    refuse(row, header.label(ColumnRole.INDICATOR_NAME), String.join(" | ", row.cells()),
                            "这一行没有指标名称，无法确定它属于哪项指标；请补上指标名称或删除这一行",
                            "this row has no indicator name and cannot be placed; add the name or delete the row");
                }
                return;
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
                    refuse(row, header.label(baselineColumn), written, "基期值无法读取：" + e.getMessage(),
                            "baseline " + e.getMessage());
                    return;
                }
            }
            Integer targetColumn = header.columns().get(ColumnRole.TARGET);
            if (targetColumn == null) {
                refuse(row, null, name, "指标表没有目标值列（“目标值”或“2027年”这样的年份列）",
                        "the indicator table has no target column (目标值 or a year such as 2027年)");
                return;
            }
            Target target;
            String writtenTarget = row.cell(targetColumn);
            try {
                target = Target.parse(header.yearColumns().get(targetColumn), writtenTarget);
            } catch (IllegalArgumentException e) {
                refuse(row, header.label(targetColumn), writtenTarget, "目标值无法读取：" + e.getMessage(), e.getMessage());
                return;
            }
            IndicatorAttribute attribute = null;
            String writtenAttribute = cell(row, header, ColumnRole.ATTRIBUTE);
            if (!writtenAttribute.isEmpty()) {
                try {
                    attribute = IndicatorAttribute.parse(writtenAttribute);
                } catch (IllegalArgumentException e) {
                    refuse(row, header.label(ColumnRole.ATTRIBUTE), writtenAttribute,
                            "指标属性应为“预期性”或“约束性”", e.getMessage());
                    return;
                }
            }
            if (Direction.between(baseline, target) == Direction.DECREASE
                    && target.kind() != TargetKind.AT_MOST) {
                warnings.add(problem(table, row, header.label(targetColumn), writtenTarget,
                        "目标值低于基期值 " + baseline.asWritten() + "，请确认",
                        "the target is below the baseline " + baseline.asWritten() + "; check that this is meant"));
            }
            if (target.percent() && target.high() != null && target.high().compareTo(BigDecimal.valueOf(100)) > 0) {
                warnings.add(problem(table, row, header.label(targetColumn), writtenTarget, "百分比超过 100%",
                        "a percentage above 100%"));
            }
            List<String> names = units == null ? List.of() : UnitNames.split(units);
            place(row, header.label(ColumnRole.UNITS), names);
            List<String> remarks = new ArrayList<>();
            Optional.ofNullable(emptyToNull(cell(row, header, ColumnRole.REMARK))).ifPresent(remarks::add);
            if (indicatorGroup != null) {
                remarks.add("分组：" + indicatorGroup);
            }
            Optional.ofNullable(units == null ? null : UnitNames.notes(units)).ifPresent(remarks::add);
            String code = emptyToNull(cell(row, header, ColumnRole.NUMBER).replaceAll("[.．、]$", ""));
            int number = indicators.size() + 1;
            indicators.add(new IndicatorDraft(number, code, name, unitOfMeasure, baseline, target, attribute, names,
                    remarks.isEmpty() ? null : String.join("；", remarks), null,
                    new PlanContent.Source(table.name(), row.number(), String.join(" | ", distinctTexts(row)))));
            outcome(table, row, RowOutcome.Kind.INDICATOR, code != null ? code : "#" + number, null, null);
        }

        /** 注：以上指标均为预期性指标 — for the indicators above that do not state their own attribute. */
        private void applyNote() {
            for (int i = firstIndicator; i < indicators.size(); i++) {
                IndicatorDraft draft = indicators.get(i);
                if (draft.attribute() == null) {
                    indicators.set(i, new IndicatorDraft(draft.number(), draft.code(), draft.name(),
                            draft.unitOfMeasure(), draft.baseline(), draft.target(), noted, draft.unitNames(),
                            draft.remark(), draft.taskNumber(), draft.source()));
                }
            }
        }
    }

    private static RowOutcome.Kind sectionKind(int level) {
        return switch (level) {
            case 1 -> RowOutcome.Kind.SECTION_LEVEL_1;
            case 2 -> RowOutcome.Kind.SECTION_LEVEL_2;
            default -> RowOutcome.Kind.SECTION_LEVEL_3;
        };
    }

    private static int firstFilled(SourceRow row) {
        for (int c = 0; c < row.cells().size(); c++) {
            if (!row.cell(c).isEmpty()) {
                return c;
            }
        }
        return -1;
    }

    /**
     * 2025年底前, 2024年6月底前, 2025-06-30 → that date; 长期坚持, 持续推进 → none, noted in the remark; anything
     * else → none, noted, with a warning. The words as written are never lost.
     */
    private LocalDate dueDate(SourceTable table, SourceRow row, Header header, List<String> remarks) {
        String written = cell(row, header, ColumnRole.DUE_DATE);
        if (written.isEmpty()) {
            return null;
        }
        String compact = written.replaceAll("\\s+", "");
        if (ONGOING.matcher(compact).matches()) {
            remarks.add("完成时限：" + written);
            return null;
        }
        Matcher date = DATE.matcher(compact);
        if (date.find()) {
            int year = Integer.parseInt(date.group(1));
            try {
                LocalDate due;
                if (date.group(2) == null) {
                    due = LocalDate.of(year, 12, 31);
                } else {
                    YearMonth month = YearMonth.of(year, Integer.parseInt(date.group(2)));
                    due = date.group(3) == null ? month.atEndOfMonth() : month.atDay(Integer.parseInt(date.group(3)));
                }
                if (date.end() < compact.length() - 1 || date.start() > 0) {
                    remarks.add("完成时限：" + written); // 2024年起每年, 2023—2025年: the date read is the end
                }
                return due;
            } catch (DateTimeException e) {
                // fall through to the warning below
            }
        }
        remarks.add("完成时限：" + written);
        warnings.add(problem(table, row, header.label(ColumnRole.DUE_DATE), written,
                "完成时限不是“2025年12月”或“2025-06-30”这样的日期，任务导入时不设完成时限，原文记入备注",
                "the due date is not a date such as 2025年12月 or 2025-06-30; the task is imported without one and the "
                        + "words are kept in its remark"));
        return null;
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static String cell(SourceRow row, Header header, ColumnRole role) {
        Integer column = header.columns().get(role);
        return column == null ? "" : row.cell(column).strip();
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void outcome(SourceTable table, SourceRow row, RowOutcome.Kind kind, String item, String zh, String en) {
        outcomes.add(new RowOutcome(table.name(), row.number(), kind, item,
                zh == null ? null : new RowOutcome.Text(zh, en), RowOutcome.excerpt(String.join(" | ", distinctTexts(row)))));
    }

    private ImportProblem problem(SourceTable table, SourceRow row, String column, String value, String zh, String en) {
        return new ImportProblem(file, table.name(), row.number(), column, value, zh, en);
    }
}
