package org.duban.app.evaluation.report;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The score sheet, read back with POI: a header row, then one row per scored item with every score that made it. */
class ScoreSheetWriterTest {
    private static final Map<String, String> CHINESE = Map.of("number", "序号", "item", "评估事项", "kind", "类别",
            "unit", "责任单位", "reconciled", "复核得分", "calibratedBefore", "校准前得分", "calibratedAfter", "校准后得分",
            "final", "最终得分", "grade", "等次");

    private final ScoreSheetWriter writer = new ScoreSheetWriter();

    private static ScoreSheetWriter.Headers headers(Map<String, String> words, String evaluator) {
        return new ScoreSheetWriter.Headers() {
            @Override
            public String column(String key) {
                return words.get(key);
            }

            @Override
            public String evaluator(String displayName) {
                return MessageFormat.format(evaluator, displayName);
            }
        };
    }

    private static XSSFSheet read(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx)).getSheetAt(0);
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getCellType() == CellType.NUMERIC ? String.format("%.2f", cell.getNumericCellValue())
                : cell.getStringCellValue()));
        return texts;
    }

    @Test
    void one_header_row_and_one_row_per_scored_item_in_the_rounds_order() throws IOException {
        XSSFSheet sheet = read(writer.write(PublishedRound.outputs(), headers(CHINESE, "{0}评分")));

        assertThat(sheet.getSheetName()).isEqualTo("评分表");
        assertThat(sheet.getLastRowNum()).as("a header and the four scored items; the unscored indicator is left out")
                .isEqualTo(4);
        assertThat(texts(sheet.getRow(0))).containsExactly("序号", "评估事项", "类别", "责任单位", "钱九评分", "王五评分",
                "复核得分", "校准前得分", "校准后得分", "最终得分", "等次");
        assertThat(texts(sheet.getRow(1))).containsExactly("1.00", "1. 建设区中医医院中医馆", "任务", "区卫生健康委", "85.50",
                "81.50", "", "", "", "83.50", "良");
        assertThat(sheet.getRow(4).getCell(1).getStringCellValue()).isEqualTo("每千人口中医执业（助理）医师数");
    }

    @Test
    void a_reconciled_item_shows_its_reconciled_score_and_a_calibrated_one_its_score_before_and_after() throws IOException {
        XSSFSheet sheet = read(writer.write(PublishedRound.outputs(), headers(CHINESE, "{0}评分")));

        Row calibrated = sheet.getRow(2);
        assertThat(calibrated.getCell(7).getNumericCellValue()).isEqualTo(63.50);
        assertThat(calibrated.getCell(8).getNumericCellValue()).isEqualTo(55.00);
        assertThat(calibrated.getCell(9).getNumericCellValue()).isEqualTo(55.00);
        assertThat(calibrated.getCell(10).getStringCellValue()).isEqualTo("差");
        Row reconciled = sheet.getRow(3);
        assertThat(reconciled.getCell(6).getNumericCellValue()).isEqualTo(75.00);
        assertThat(reconciled.getCell(9).getNumericCellValue()).isEqualTo(75.00);
        assertThat(reconciled.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("0.00");
    }

    @Test
    void headers_come_in_the_readers_language_and_the_items_stay_in_the_offices() throws IOException {
        Map<String, String> english = Map.of("number", "No.", "item", "Item", "kind", "Kind", "unit", "Unit",
                "reconciled", "Reconciled", "calibratedBefore", "Before calibration", "calibratedAfter",
                "After calibration", "final", "Final score", "grade", "Grade");
        XSSFSheet sheet = read(writer.write(PublishedRound.outputs(), headers(english, "Score by {0}")));

        assertThat(texts(sheet.getRow(0))).startsWith("No.", "Item", "Kind", "Unit", "Score by 钱九");
        assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("任务");
    }
}
