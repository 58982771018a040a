package org.duban.app.evaluation.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.duban.api.evaluation.Evaluator;
import org.duban.api.evaluation.RoundDetail;
import org.duban.api.evaluation.SheetRow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The score sheet (评分表) of a published round as an .xlsx: one header row, then one row per scored item with its
 * unit, each evaluator's total, the reconciled score, the score before and after calibration, the final score and the
 * grade. Scores are numbers (two decimals) so that the office can sum and sort them; empty where there is none.
 */
public class ScoreSheetWriter {
    /** The words of the header row, in the reader's language. */
    public interface Headers {
        String column(String key);

        String evaluator(String displayName);
    }

    static final List<String> LEADING = List.of("number", "item", "kind", "unit");
    static final List<String> TRAILING = List.of("reconciled", "calibratedBefore", "calibratedAfter", "final", "grade");

    public byte[] write(RoundOutputs outputs, Headers headers) {
        List<Evaluator> evaluators = outputs.round().evaluators().stream().map(RoundDetail.EvaluatorState::evaluator).toList();
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("评分表");
            CellStyle header = headerStyle(workbook);
            CellStyle number = workbook.createCellStyle();
            number.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            CellStyle text = workbook.createCellStyle();
            text.setWrapText(true);

            List<String> columns = new ArrayList<>();
            LEADING.forEach(key -> columns.add(headers.column(key)));
            evaluators.forEach(e -> columns.add(headers.evaluator(e.displayName())));
            TRAILING.forEach(key -> columns.add(headers.column(key)));
            Row head = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(columns.get(c));
                cell.setCellStyle(header);
            }

            int r = 1;
            for (RoundOutputs.Scored scored : outputs.scored()) {
                Row row = sheet.createRow(r);
                int c = 0;
                row.createCell(c++).setCellValue(r);
                textCell(row, c++, scored.item().label(), text);
                textCell(row, c++, RoundOutputs.itemKindWord(scored.item().kind()), null);
                textCell(row, c++, scored.item().unit().name(), null);
                for (Evaluator evaluator : evaluators) {
                    numberCell(row, c++, totalBy(scored.row(), evaluator.username()), number);
                }
                numberCell(row, c++, scored.row() == null ? null : scored.row().reconciledScore(), number);
                Optional<BigDecimal[]> calibration = RoundOutputs.calibration(scored.row());
                numberCell(row, c++, calibration.map(b -> b[0]).orElse(null), number);
                numberCell(row, c++, calibration.map(b -> b[1]).orElse(null), number);
                numberCell(row, c++, scored.result().score(), number);
                textCell(row, c, RoundOutputs.gradeWord(scored.result().grade()), null);
                r++;
            }

            sheet.createFreezePane(0, 1);
            if (r > 1) {
                sheet.setAutoFilter(new CellRangeAddress(0, r - 1, 0, columns.size() - 1));
            }
            sheet.setColumnWidth(0, 6 * 256);
            sheet.setColumnWidth(1, 50 * 256);
            sheet.setColumnWidth(2, 8 * 256);
            sheet.setColumnWidth(3, 20 * 256);
            for (int c = LEADING.size(); c < columns.size(); c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the score sheet could not be written", e);
        }
    }

    private static BigDecimal totalBy(SheetRow row, String evaluator) {
        if (row == null || row.scores() == null) {
            return null;
        }
        return row.scores().stream().filter(s -> evaluator.equals(s.evaluator())).map(SheetRow.EvaluatorScore::total)
                .findFirst().orElse(null);
    }

    private static void textCell(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void numberCell(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
            cell.setCellStyle(style);
        }
    }

    private static CellStyle headerStyle(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        style.setFont(bold);
        style.setAlignment(HorizontalAlignment.CENTER);
        style.setWrapText(true);
        style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }
}
