package org.duban.app.plan.importing;

import org.duban.app.plan.importing.PlanContent.IndicatorDraft;
import org.duban.app.plan.importing.PlanContent.SectionDraft;
import org.duban.app.plan.importing.PlanContent.Source;
import org.duban.app.plan.importing.PlanContent.TaskDraft;
import org.duban.app.plan.importing.RowOutcome.Kind;
import org.duban.app.plan.importing.RowOutcome.Text;
import org.duban.app.plan.importing.SourceTable.SourceRow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a plan written as running text, paragraph by paragraph, the way a person reads a division-of-work document:
 * numbered headings (一、 （一） 1.) are sections, levelled by the order in which their numbering styles appear; a
 * paragraph that ends in a bracket naming units is a task; a project written as 1.建设目标 / 2.建设任务 / 3.配套措施 /
 * 4.部门分工 under its heading is one task; quantitative targets in a task's text are proposed as its indicators.
 * Everything else (title, 文号, addressees, preamble) is skipped with the reason. Text is less certain than a table,
 * so the result is a proposal ({@code fromText}) that a supervisor reviews before importing.
 */
final class TextPlanInterpreter {
    /** The name under which the paragraphs of a text are reported, like the sheet of a workbook. */
    static final String TABLE = "正文";
    private static final int LONGEST_HEADING = 30;
    private static final int EXCERPT = 40;

    /** Numbering styles a heading may use; the first style met is level 1, the next level 2, the third level 3. */
    private enum Style {
        CHINESE("^([一二三四五六七八九十百零〇]+\\s*[、.．])"),
        CHINESE_IN_PARENTHESES("^([（(]\\s*[一二三四五六七八九十百]+\\s*[）)])"),
        ARABIC("^(\\d{1,3}\\s*[.．、])(?:(?!\\d)|(?=\\d{4}\\s*年))"), // 1.2025年底前… is item 1
        ARABIC_IN_PARENTHESES("^([（(]\\s*\\d{1,3}\\s*[）)])"),
        CIRCLED("^([\\u2460-\\u2473])");

        private final Pattern pattern;

        Style(String pattern) {
            this.pattern = Pattern.compile(pattern);
        }
    }

    /** 一是 二是: numbers a task in running text, never a heading. */
    private static final Pattern ORDINAL = Pattern.compile("^([一二三四五六七八九十]+是)");
    private static final Pattern PROJECT_ITEM = Pattern.compile("^(?:\\d{1,2}\\s*[.．、]|[（(]\\s*\\d{1,2}\\s*[）)])\\s*"
            + "(建设目标|工作目标|主要目标|项目目标|目标任务|建设任务|主要任务|工作任务|建设内容|主要内容|"
            + "配套措施|保障措施|支持措施|政策措施|支持政策|部门分工|责任分工|职责分工|责任单位|实施单位)\\s*[：:。]\\s*(.*)$",
            Pattern.DOTALL);
    private static final Pattern DIVISION = Pattern.compile("部门分工|责任分工|职责分工|责任单位|实施单位");

    private static final Pattern DOCUMENT_NUMBER = Pattern.compile(".*[〔\\[［【(（]\\s*\\d{4}\\s*[〕\\]］】)）]\\s*\\d+\\s*号$");
    private static final Pattern DATE = Pattern.compile(
            "^(\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日)$");
    private static final Pattern TITLE = Pattern.compile(
            "^(?:关于.*|.*的(?:通知|意见|函|批复|决定)|.*(?:方案|规划|计划|意见|办法|细则|要点|清单|分工))$");
    private static final Pattern PERIOD = Pattern.compile("[（(]\\s*\\d{4}\\s*[—–\\-－~～至]+\\s*\\d{4}\\s*年?\\s*[）)]$");
    private static final Pattern PAGE_NUMBER = Pattern.compile("^[—\\-－–]+\\s*\\d{1,3}\\s*[—\\-－–]+$");
    private static final Pattern IN_PARENTHESES = Pattern.compile("^[（(].*[）)]$");

    private static final Text DOCUMENT_NUMBER_REASON = new Text("文号", "document number");
    private static final Text DATE_REASON = new Text("成文日期", "date of the document");
    private static final Text ADDRESSEES_REASON = new Text("主送单位", "addressees");
    private static final Text TITLE_REASON = new Text("文件标题", "document title");
    private static final Text ISSUER_REASON = new Text("发文机关或署名", "issuing office or signature");
    private static final Text NOTE_REASON = new Text("文件附注", "note on the document");
    private static final Text PAGE_REASON = new Text("页码", "page number");
    private static final Text BLANK_REASON = new Text("空白段落", "blank paragraph");
    private static final Text BODY_REASON = new Text("正文中没有责任单位的段落，未作为任务",
            "a paragraph of the text with no responsible units; not imported as a task");
    private static final Text NUMBERED_REASON = new Text("编号段落没有责任单位，且不像标题，未作为任务",
            "a numbered paragraph with no responsible units that does not read as a heading; not imported as a task");
    private static final Text TOO_DEEP_REASON = new Text("第四级编号的段落没有责任单位，未作为任务（标题最多三级）",
            "a paragraph numbered at a fourth level with no responsible units; not imported (headings go three levels deep)");

    private final String file;
    private final List<ImportProblem> errors = new ArrayList<>();
    private final List<ImportProblem> warnings = new ArrayList<>();

    private final List<Style> styles = new ArrayList<>();
    private final SectionDraft[] open = new SectionDraft[3];
    private final List<SectionDraft> sections = new ArrayList<>();
    private final Set<String> sectionKeys = new HashSet<>();
    private final List<TaskDraft> tasks = new ArrayList<>();
    private final List<IndicatorDraft> indicators = new ArrayList<>();
    private static final Pattern UNITS_LINE = Pattern.compile(
            "^[（(〔【]?\\s*(主要责任单位|责任单位|责任部门|牵头单位|牵头部门|主责单位)\\s*[：:]");
    private final Map<Integer, RowOutcome> outcomes = new TreeMap<>();
    private final List<TaskDraft> ledByPosition = new ArrayList<>();
    private boolean bodyStarted;
    private boolean statesFirstLeads;

    TextPlanInterpreter(String file) {
        this.file = file;
    }

    List<ImportProblem> errors() {
        return errors;
    }

    List<ImportProblem> warnings() {
        return warnings;
    }

    private record Paragraph(int row, String text) {
    }

    private record Numbered(Style style, String code, String rest) {
    }

    /** @param paragraphs one row per paragraph (or line), its text in the first cell, numbered as the user sees it */
    PlanContent interpret(SourceTable paragraphs) {
        List<Paragraph> text = new ArrayList<>();
        for (SourceRow row : paragraphs.rows()) {
            if (row.isBlank()) {
                continue;
            }
            String joined = String.join("", row.cells()).replace('\u00A0', ' ').replace('\u3000', ' ').strip();
            if (joined.isEmpty()) {
                outcome(row.number(), Kind.SKIPPED, null, BLANK_REASON, "");
            } else {
                text.add(new Paragraph(row.number(), joined));
                statesFirstLeads |= UnitStatement.FIRST_LEADS.matcher(joined).find();
            }
        }
        text = unitsOnTheirOwn(text);
        for (int i = 0; i < text.size(); i++) {
            Paragraph paragraph = text.get(i);
            var bracketed = UnitStatement.trailing(paragraph.text());
            if (bracketed.isPresent()) {
                task(paragraph, bracketed.get());
                continue;
            }
            Numbered numbered = numbered(paragraph.text());
            if (numbered != null && numbered.style() != null) {
                List<ProjectItem> items = projectItems(text, i + 1);
                if (items.isEmpty()) {
                    heading(paragraph, numbered);
                } else if (!project(paragraph, numbered, items)) {
                    heading(paragraph, numbered);
                    items.forEach(item -> outcome(item.paragraph().row(), Kind.SKIPPED, null,
                            new Text("项目没有部门分工（责任单位），未作为任务",
                                    "the project has no division of work (responsible units); not imported as a task"),
                            item.paragraph().text()));
                }
                i += items.size();
                continue;
            }
            other(paragraph, numbered);
        }
        if (!ledByPosition.isEmpty() && !statesFirstLeads) {
            TaskDraft first = ledByPosition.get(0);
            List<String> named = ledByPosition.stream().map(t -> t.code() == null ? "#" + t.number() : t.code()).toList();
            warnings.add(problem(first.source().row(), String.join("、", named),
                    "文件没有写明“列首位的为牵头单位”，这些任务也没有写明牵头单位，已以列首位的单位为牵头单位，请核对",
                    "the document does not say that the unit listed first leads (列首位的为牵头单位) and these tasks "
                            + "name no 牵头 unit; the unit listed first was taken as lead, please check"));
        }
        if (tasks.isEmpty() && errors.isEmpty()) {
            errors.add(new ImportProblem(file, paragraphs.name(), null, null, null,
                    "正文中没有以责任单位括注结尾的段落（如“（责任单位：……）”“（……牵头，……负责）”），无法读出任务",
                    "no paragraph of the text ends in a bracket naming units (such as （责任单位：…） or （…牵头，…负责）), "
                            + "so no task could be read"));
        }
        return new PlanContent(sections, tasks, indicators, List.copyOf(outcomes.values()), true);
    }

    /**
     * A paragraph that only names units — （责任单位：…） or 牵头单位：…；配合单位：… on a line of its own — belongs to
     * the paragraph above it, as a bracket at its end would.
     */
    private List<Paragraph> unitsOnTheirOwn(List<Paragraph> text) {
        List<Paragraph> joined = new ArrayList<>();
        for (Paragraph paragraph : text) {
            String statement = paragraph.text().strip();
            var bracketed = UnitStatement.trailing(statement);
            boolean bracketOnly = bracketed.isPresent() && bracketed.get().text().isBlank();
            boolean labelled = UNITS_LINE.matcher(statement).find();
            Paragraph above = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if ((bracketOnly || labelled) && above != null && UnitStatement.trailing(above.text()).isEmpty()) {
                String bracket = bracketOnly ? statement : "（" + statement.replaceAll("[。.；;]+$", "") + "）";
                joined.set(joined.size() - 1, new Paragraph(above.row(), above.text() + bracket));
                outcome(paragraph.row(), Kind.NOTE, null, new Text("单独成段的责任单位，已并入上一段的任务",
                        "units written as a paragraph of their own, joined to the task of the paragraph above"), statement);
                continue;
            }
            joined.add(paragraph);
        }
        return joined;
    }

    // --- tasks ----------------------------------------------------------------------------------------------------

    private void task(Paragraph paragraph, UnitStatement.Bracketed bracketed) {
        Numbered numbered = numbered(bracketed.text());
        String code = numbered == null ? null : numbered.code();
        String text = numbered == null ? bracketed.text() : numbered.rest();
        UnitStatement statement = bracketed.statement();
        if (text.isEmpty() || statement.units().isEmpty()) {
            Text reason = text.isEmpty()
                    ? new Text("段落只有责任单位括注，没有任务内容", "the paragraph holds a unit bracket and no task")
                    : new Text("括注中没有读出责任单位", "no unit could be read from the bracket");
            outcome(paragraph.row(), Kind.REFUSED, code, reason, paragraph.text());
            errors.add(problem(paragraph.row(), bracketed.bracket(), reason.zh(), reason.en()));
            return;
        }
        String sectionKey = sectionFor(numbered == null ? null : numbered.style());
        bodyStarted = true;
        TextDeadlines.Deadline deadline = TextDeadlines.read(text, statement.timeLimits());
        TaskDraft task = new TaskDraft(tasks.size() + 1, code, sectionKey, text, statement.units(), deadline.dueDate(),
                remark(deadline, statement), new Source(TABLE, paragraph.row(), paragraph.text()));
        tasks.add(task);
        if (!statement.leadNamed()) {
            ledByPosition.add(task);
        }
        outcome(paragraph.row(), Kind.TASK, item(task), null, paragraph.text());
        Integer[] year = {null};
        targets(task, paragraph.row(), text, year);
    }

    /** A heading followed by 1.建设目标 / 2.建设任务 / 3.配套措施 / 4.部门分工: one task for the whole project. */
    private boolean project(Paragraph heading, Numbered numbered, List<ProjectItem> items) {
        List<String> lines = new ArrayList<>();
        UnitStatement division = null;
        for (ProjectItem item : items) {
            if (item.isDivision()) {
                division = UnitStatement.read(item.content());
            } else {
                lines.add(item.label() + "：" + item.content());
            }
        }
        String[] title = titleAndBody(numbered.rest());
        if (division == null || division.units().isEmpty() || title == null) {
            warnings.add(problem(heading.row(), excerpt(heading.text()),
                    "项目下没有读出部门分工（责任单位），未作为任务",
                    "no division of work (responsible units) could be read under this project; not imported as a task"));
            return false;
        }
        level(numbered.style(), true);
        String sectionKey = sectionFor(numbered.style());
        bodyStarted = true;
        StringBuilder text = new StringBuilder(title[0]);
        if (!title[1].isEmpty()) {
            text.append('\n').append(title[1]);
        }
        lines.forEach(line -> text.append('\n').append(line));
        TextDeadlines.Deadline deadline = TextDeadlines.read(text.toString(), division.timeLimits());
        TaskDraft task = new TaskDraft(tasks.size() + 1, numbered.code(), sectionKey, text.toString(), division.units(),
                deadline.dueDate(), remark(deadline, division), new Source(TABLE, heading.row(), heading.text()));
        tasks.add(task);
        if (!division.leadNamed()) {
            ledByPosition.add(task);
        }
        String code = item(task);
        outcome(heading.row(), Kind.TASK, code, new Text("项目标题，与其下各项合为一项任务",
                "the title of a project; with the items below it, one task"), heading.text());
        Integer[] year = {null};
        for (ProjectItem item : items) {
            outcome(item.paragraph().row(), Kind.TASK, code, new Text("项目的" + item.label() + "，并入任务" + code,
                    "the project's " + labelInEnglish(item.label()) + ", part of task " + code), item.paragraph().text());
            if (!item.isDivision()) {
                targets(task, item.paragraph().row(), item.content(), year);
            }
        }
        return true;
    }

    /** 2.建设任务：一是……: a part of a project, with its label. */
    private record ProjectItem(Paragraph paragraph, String label, String content) {
        boolean isDivision() {
            return DIVISION.matcher(label).matches();
        }
    }

    private static String labelInEnglish(String label) {
        if (DIVISION.matcher(label).matches()) {
            return "division of work";
        }
        if (label.contains("目标")) {
            return "goal";
        }
        return label.contains("措施") || label.contains("政策") ? "measures" : "tasks";
    }

    private static List<ProjectItem> projectItems(List<Paragraph> text, int from) {
        List<ProjectItem> items = new ArrayList<>();
        for (int i = from; i < text.size(); i++) {
            Matcher item = PROJECT_ITEM.matcher(text.get(i).text());
            if (!item.matches()) {
                break;
            }
            items.add(new ProjectItem(text.get(i), item.group(1), item.group(2).strip()));
        }
        return items;
    }

    private static String remark(TextDeadlines.Deadline deadline, UnitStatement statement) {
        List<String> parts = new ArrayList<>();
        if (deadline.remark() != null) {
            parts.add(deadline.remark());
        }
        if (!statement.shortened().isEmpty()) {
            parts.add("责任单位写作“" + String.join("、", statement.shortened()) + "”，只列入写明的单位");
        }
        return parts.isEmpty() ? null : String.join("；", parts);
    }

    private void targets(TaskDraft task, int row, String text, Integer[] year) {
        List<TextTargets.Unreadable> unreadable = new ArrayList<>();
        for (TextTargets.Found found : TextTargets.in(text, year, unreadable)) {
            indicators.add(new IndicatorDraft(indicators.size() + 1, null, found.name(), found.unitOfMeasure(), null,
                    found.target(), null, task.unitNames(), null, task.number(),
                    new Source(TABLE, row, found.sentence())));
        }
        for (TextTargets.Unreadable number : unreadable) {
            warnings.add(problem(row, number.written(),
                    "任务" + item(task) + "中的数量“" + number.written() + "”读不出目标值，未作为指标",
                    "the quantity \"" + number.written() + "\" in task " + item(task)
                            + " cannot be read as a target; no indicator proposed"));
        }
    }

    private static String item(TaskDraft task) {
        return task.code() == null ? String.valueOf(task.number()) : task.code();
    }

    // --- headings -------------------------------------------------------------------------------------------------

    private void heading(Paragraph paragraph, Numbered numbered) {
        int level = level(numbered.style(), true);
        if (level == 0) {
            skipNumbered(paragraph, numbered, TOO_DEEP_REASON);
            return;
        }
        String[] title = titleAndBody(numbered.rest());
        if (title == null) {
            skipNumbered(paragraph, numbered, NUMBERED_REASON);
            return;
        }
        SectionDraft parent = deepestAbove(level);
        String parentKey = parent == null ? null : parent.key();
        String key = (parentKey == null ? "" : parentKey + "/") + Headings.key(numbered.code() + title[0]);
        if (!sectionKeys.add(key)) {
            key = key + "#" + paragraph.row();
            sectionKeys.add(key);
        }
        SectionDraft section = new SectionDraft(key, parentKey, level, numbered.code(), title[0],
                new Source(TABLE, paragraph.row(), paragraph.text()));
        sections.add(section);
        open[level - 1] = section;
        for (int lower = level; lower < open.length; lower++) {
            open[lower] = null;
        }
        bodyStarted = true;
        Text reason = title[1].isEmpty() ? null : new Text("标题后的正文未导入：" + excerpt(title[1]),
                "the text after the heading is not imported: " + excerpt(title[1]));
        outcome(paragraph.row(), Kind.valueOf("SECTION_LEVEL_" + level), numbered.code(), reason, paragraph.text());
    }

    /** {title, text after it}: （一）指导思想。坚持以…… → {指导思想, 坚持以……}; null when no short lead phrase. */
    private static String[] titleAndBody(String rest) {
        Matcher stop = Pattern.compile("[。：:]").matcher(rest);
        if (stop.find() && stop.start() > 0 && stop.start() <= LONGEST_HEADING) {
            return new String[]{rest.substring(0, stop.start()).strip(), rest.substring(stop.end()).strip()};
        }
        String title = rest.replaceAll("[。.．；;，,]+$", "").strip();
        return title.isEmpty() || title.length() > LONGEST_HEADING ? null : new String[]{title, ""};
    }

    /** The level of a numbering style, registering it when a heading uses it first; 0 beyond the third. */
    private int level(Style style, boolean register) {
        int index = styles.indexOf(style);
        if (index < 0 && register && styles.size() < open.length) {
            styles.add(style);
            index = styles.size() - 1;
        }
        return index + 1;
    }

    private SectionDraft deepestAbove(int level) {
        for (int i = level - 2; i >= 0; i--) {
            if (open[i] != null) {
                return open[i];
            }
        }
        return null;
    }

    /**
     * The section of a task or project numbered in the given style: a style that headings use at level n puts the
     * task beside the headings of that level (under the nearest heading above it); any other sits under the
     * deepest heading open.
     */
    private String sectionFor(Style style) {
        int level = style == null ? 0 : level(style, false);
        SectionDraft section;
        if (level > 0) {
            section = deepestAbove(level);
            for (int i = level - 1; i < open.length; i++) {
                open[i] = null;
            }
        } else {
            section = deepestAbove(open.length + 1);
        }
        return section == null ? null : section.key();
    }

    // --- everything else ------------------------------------------------------------------------------------------

    private void other(Paragraph paragraph, Numbered numbered) {
        String text = paragraph.text();
        if (numbered != null) {
            skipNumbered(paragraph, numbered, BODY_REASON);
            return;
        }
        Text reason;
        if (PAGE_NUMBER.matcher(text).matches()) {
            reason = PAGE_REASON;
        } else if (DATE.matcher(text.replaceAll("\\s+", "")).matches()) {
            reason = DATE_REASON;
        } else if (bodyStarted || text.endsWith("。")) {
            reason = BODY_REASON;
        } else if (DOCUMENT_NUMBER.matcher(text).matches()) {
            reason = DOCUMENT_NUMBER_REASON;
        } else if (text.endsWith("：") || text.endsWith(":")) {
            reason = ADDRESSEES_REASON;
        } else if (PERIOD.matcher(text).matches() && text.length() <= 20
                || TITLE.matcher(PERIOD.matcher(text).replaceAll("").strip()).matches()) {
            reason = TITLE_REASON;
        } else if (IN_PARENTHESES.matcher(text).matches()) {
            reason = NOTE_REASON;
        } else if (text.length() <= 40) {
            reason = ISSUER_REASON;
        } else {
            reason = BODY_REASON;
        }
        outcome(paragraph.row(), Kind.SKIPPED, null, reason, text);
    }

    /** A numbered paragraph that is neither a heading nor a task: it may be a task whose units are missing. */
    private void skipNumbered(Paragraph paragraph, Numbered numbered, Text reason) {
        outcome(paragraph.row(), Kind.SKIPPED, numbered.code(), reason, paragraph.text());
        if (reason != BODY_REASON || numbered.rest().length() > LONGEST_HEADING) {
            warnings.add(problem(paragraph.row(), excerpt(paragraph.text()),
                    reason.zh() + "；如是任务，请在段末括注责任单位",
                    reason.en() + "; if it is a task, end it with a bracket naming its units"));
        }
    }

    private static Numbered numbered(String text) {
        for (Style style : Style.values()) {
            Matcher code = style.pattern.matcher(text);
            if (code.find()) {
                return new Numbered(style, code.group(1).replaceAll("\\s+", ""), text.substring(code.end()).strip());
            }
        }
        Matcher ordinal = ORDINAL.matcher(text);
        return ordinal.find() ? new Numbered(null, ordinal.group(1), text.substring(ordinal.end()).strip()) : null;
    }

    // --- reporting ------------------------------------------------------------------------------------------------

    private void outcome(int row, Kind kind, String item, Text reason, String text) {
        outcomes.put(row, new RowOutcome(TABLE, row, kind, item, reason, excerpt(text)));
    }

    private static String excerpt(String text) {
        return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text;
    }

    private ImportProblem problem(int row, String value, String message, String messageEn) {
        return new ImportProblem(file, TABLE, row, null, value, message, messageEn);
    }
}
