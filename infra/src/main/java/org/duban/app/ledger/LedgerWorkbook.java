package org.duban.app.ledger;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.duban.api.ledger.Ledger;
import org.duban.api.ledger.Ledger.AdjustmentLine;
import org.duban.api.ledger.Ledger.CaseLine;
import org.duban.api.ledger.Ledger.IndicatorRow;
import org.duban.api.ledger.Ledger.LatestReport;
import org.duban.api.ledger.Ledger.TaskRow;
import org.duban.app.security.AccountProperties;
import org.duban.app.web.PeriodNames;
import org.duban.process.WorkflowClock;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The progress ledger (台账) as an .xlsx workbook in the layout offices keep: sheet 任务台账 is the decomposition table
 * (一级 / 二级 / 三级, 序号, 具体任务, 牵头单位, 配合单位, 完成时限) with, per task, its status, latest progress,
 * supervision and adjustments; sheet 指标台账 lists each indicator's baseline, value per period, target and status.
 * Headers and words are in the reader's language only. Rows are streamed ({@link SXSSFWorkbook}, a window of
 * {@value #WINDOW} rows in memory), so the size of a plan does not weigh on the heap.
 */
@Component
public class LedgerWorkbook {
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int WINDOW = 200;
    private static final int CELL_MAX = 32_000;
    private static final int NARRATIVE_LINES = 3;
    private static final int NARRATIVE_CHARS = 300;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    // widths in characters; a Chinese character takes about two
    private static final int[] TASK_WIDTHS = {22, 22, 22, 7, 50, 16, 24, 12, 8, 40, 36, 40};

    private final MessageSource messages;
    private final PeriodNames periodNames;
    private final Map<String, String> people;

    LedgerWorkbook(MessageSource messages, PeriodNames periodNames, AccountProperties accounts) {
        this.messages = messages;
        this.periodNames = periodNames;
        // who asked and who decided, by the name people know them by rather than the account
        this.people = accounts.accounts().stream().filter(account -> account.displayName() != null)
                .collect(Collectors.toMap(AccountProperties.Account::username, AccountProperties.Account::displayName,
                        (first, second) -> first));
    }

    public void write(Ledger ledger, Locale locale, OutputStream out) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        try {
            Styles styles = new Styles(workbook);
            tasks(workbook.createSheet(word("implementation.ledger.tasks", locale)), ledger.tasks(), styles, locale);
            indicators(workbook.createSheet(word("implementation.ledger.indicators", locale)), ledger, styles, locale);
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("the ledger could not be written", e);
        } finally {
            workbook.dispose();
        }
    }

    private record Styles(CellStyle header, CellStyle wrapped) {
        Styles(SXSSFWorkbook workbook) {
            this(workbook.createCellStyle(), workbook.createCellStyle());
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        }
    }

    private void tasks(Sheet sheet, List<TaskRow> tasks, Styles styles, Locale locale) {
        header(sheet, styles, locale, List.of("level1", "level2", "level3", "code", "text", "lead", "coUnits", "due",
                "status", "latest", "cases", "adjustments"));
        for (int i = 0; i < TASK_WIDTHS.length; i++) {
            sheet.setColumnWidth(i, TASK_WIDTHS[i] * 256);
        }
        int rowIndex = 1;
        for (TaskRow task : tasks) {
            cells(sheet.createRow(rowIndex++), styles.wrapped(), section(task, 0), section(task, 1), section(task, 2),
                    task.code(), task.text(), task.leadUnit(), String.join("、", task.coUnits()), day(task.dueDate()),
                    status(task.status(), locale), latest(task.latest(), locale), cases(task.cases(), locale),
                    adjustments(task.adjustments(), locale));
        }
        mergeRepeatedSections(sheet, tasks);
    }

    /** The level's heading; a task under more than three levels shows the deeper ones in the third column. */
    private static String section(TaskRow task, int level) {
        List<String> path = task.sections();
        if (level >= path.size()) {
            return null;
        }
        return level < 2 ? path.get(level) : String.join(" / ", path.subList(2, path.size()));
    }

    /** One cell for a heading over consecutive tasks, as the printed table merges them. */
    private static void mergeRepeatedSections(Sheet sheet, List<TaskRow> tasks) {
        for (int level = 0; level < 3; level++) {
            int start = 0;
            for (int i = 1; i <= tasks.size(); i++) {
                if (i == tasks.size() || !samePrefix(tasks.get(start), tasks.get(i), level)) {
                    if (i - start > 1 && section(tasks.get(start), level) != null) {
                        sheet.addMergedRegion(new CellRangeAddress(start + 1, i, level, level));
                    }
                    start = i;
                }
            }
        }
    }

    private static boolean samePrefix(TaskRow a, TaskRow b, int level) {
        for (int l = 0; l <= level; l++) {
            if (!Objects.equals(section(a, l), section(b, l))) {
                return false;
            }
        }
        return true;
    }

    private void indicators(Sheet sheet, Ledger ledger, Styles styles, Locale locale) {
        Row header = sheet.createRow(0);
        List<String> titles = new ArrayList<>();
        for (String key : List.of("code", "indicator", "measure", "attribute", "baseline")) {
            titles.add(word("implementation.ledger." + key, locale));
        }
        ledger.periods().forEach(period -> titles.add(periodNames.name(period, locale)));
        titles.add(word("implementation.ledger.target", locale));
        titles.add(word("implementation.ledger.status", locale));
        for (int i = 0; i < titles.size(); i++) {
            header.createCell(i).setCellValue(titles.get(i));
            header.getCell(i).setCellStyle(styles.header());
            sheet.setColumnWidth(i, (i == 1 ? 40 : 14) * 256);
        }
        sheet.createFreezePane(2, 1);
        int rowIndex = 1;
        for (IndicatorRow indicator : ledger.indicators()) {
            List<String> values = new ArrayList<>(List.of(nonNull(indicator.code(), String.valueOf(indicator.number())),
                    nonNull(indicator.name(), ""), nonNull(indicator.unitOfMeasure(), ""),
                    indicator.attribute() == null ? "" : word("indicator.attribute." + indicator.attribute(), locale),
                    inYear(indicator.baseline(), indicator.baselineYear(), locale)));
            ledger.periods().forEach(period -> values.add(indicator.values().get(period)));
            values.add(inYear(indicator.target(), indicator.targetYear(), locale));
            values.add(status(indicator.status(), locale));
            cells(sheet.createRow(rowIndex++), styles.wrapped(), values.toArray(String[]::new));
        }
    }

    private void header(Sheet sheet, Styles styles, Locale locale, List<String> keys) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < keys.size(); i++) {
            row.createCell(i).setCellValue(word("implementation.ledger." + keys.get(i), locale));
            row.getCell(i).setCellStyle(styles.header());
        }
        sheet.createFreezePane(0, 1);
    }

    private static void cells(Row row, CellStyle style, String... values) {
        for (int i = 0; i < values.length; i++) {
            String value = values[i] == null ? "" : values[i];
            row.createCell(i).setCellValue(value.length() > CELL_MAX ? value.substring(0, CELL_MAX) + "…" : value);
            row.getCell(i).setCellStyle(style);
        }
    }

    private String inYear(String value, Integer year, Locale locale) {
        if (value == null || value.isBlank()) {
            return "";
        }
        return year == null ? value : word("implementation.ledger.valueInYear", locale, value, String.valueOf(year));
    }

    private String status(String status, Locale locale) {
        return status == null ? "" : word("rag." + status, locale);
    }

    private String latest(LatestReport report, Locale locale) {
        if (report == null) {
            return "";
        }
        String how = (report.completion() == null ? ""
                : word("implementation.ledger.completion", locale, word("completion." + report.completion(), locale)))
                + (report.percent() == null ? "" : word("implementation.ledger.percent", locale, report.percent()))
                + (report.overdue() && !"ACCEPTED".equals(report.reportStatus())
                ? word("implementation.ledger.overdue", locale) : "");
        String sentence = word("implementation.ledger.latestReport", locale, periodNames.name(report.periodKey(), locale),
                word("report.status." + report.reportStatus(), locale), how);
        String narrative = firstLines(report.narrative());
        return narrative.isEmpty() ? sentence : sentence + "\n" + narrative;
    }

    private static String firstLines(String text) {
        if (text == null) {
            return "";
        }
        List<String> lines = text.strip().lines().map(String::strip).filter(line -> !line.isEmpty())
                .limit(NARRATIVE_LINES).toList();
        String first = String.join("\n", lines);
        return first.length() > NARRATIVE_CHARS ? first.substring(0, NARRATIVE_CHARS) + "…" : first;
    }

    private String cases(List<CaseLine> cases, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (CaseLine c : cases) {
            String grade = word("notice.grade." + c.grade(), locale);
            String reason = nonNull(c.reason(), "");
            lines.add(c.closedAt() == null
                    ? word("implementation.ledger.case.open", locale, grade, day(c.issuedAt()), reason).strip()
                    : word("implementation.ledger.case.closed", locale, grade, day(c.issuedAt()), day(c.closedAt()),
                    reason).strip());
        }
        return String.join("\n", lines);
    }

    private String adjustments(List<AdjustmentLine> adjustments, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (AdjustmentLine a : adjustments) {
            String decision = a.outcome() == null ? word("implementation.ledger.adjustment.waiting", locale)
                    : word("implementation.ledger.adjustment.decided", locale, day(a.decidedAt()),
                    person(a.decidedBy()), word("adjustment.outcome." + a.outcome(), locale),
                    nonNull(a.decisionReason(), "")).strip();
            lines.add(word("implementation.ledger.adjustment", locale, day(a.requestedAt()),
                    person(a.requestedBy()), word("adjustment.kind." + a.kind(), locale),
                    clause(a.proposal()), clause(a.reason()), decision).strip());
        }
        return String.join("\n", lines);
    }

    private String word(String key, Locale locale, Object... arguments) {
        // a code with no wording yet (a stage or kind added later) shows as it is rather than failing the export
        return messages.getMessage(key, arguments, key.substring(key.lastIndexOf('.') + 1), locale);
    }

    private static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    private static String day(Instant at) {
        return at == null ? "" : DAY.format(at.atZone(WorkflowClock.ZONE));
    }

    private String person(String user) {
        return user == null ? "" : people.getOrDefault(user, user);
    }

    /** Text people wrote, set inside a sentence of ours: without its own closing stop, so none is doubled. */
    private static String clause(String text) {
        return text == null ? "" : text.strip().replaceAll("[。．.；;]+$", "");
    }

    private static String nonNull(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
