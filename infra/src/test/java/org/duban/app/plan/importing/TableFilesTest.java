package org.duban.app.plan.importing;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the reader turns the bytes of a file into rows of cells, beyond what the samples show. */
class TableFilesTest {
    private final TableFiles files = new TableFiles(DataSize.ofMegabytes(1));

    @Test
    void csv_with_tabs_or_semicolons_is_split_on_the_delimiter_it_uses() {
        assertThat(cells("具体任务\t责任单位\n建成中医院\t区卫生健康委、区财政局\n", StandardCharsets.UTF_8))
                .containsExactly(List.of("具体任务", "责任单位"), List.of("建成中医院", "区卫生健康委、区财政局"));
        assertThat(cells("具体任务;责任单位\n建成中医院，扩容;区卫生健康委\n", StandardCharsets.UTF_8))
                .containsExactly(List.of("具体任务", "责任单位"), List.of("建成中医院，扩容", "区卫生健康委"));
    }

    @Test
    void excel_unicode_text_utf16_with_bom_and_gbk_text_are_decoded() {
        byte[] utf16 = "\uFEFF具体任务\t责任单位\n建成中医院\t区卫生健康委\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(rows(files.read("unicode.txt", utf16)).get(1)).containsExactly("建成中医院", "区卫生健康委");
        byte[] gbk = "具体任务,责任单位\n建成中医院,区卫生健康委\n".getBytes(Charset.forName("GBK"));
        assertThat(rows(files.read("gbk.csv", gbk)).get(1)).containsExactly("建成中医院", "区卫生健康委");
    }

    @Test
    void a_quoted_cell_may_span_lines_and_rows_keep_the_line_numbers_the_user_sees() {
        String text = "具体任务,责任单位\n\"建成中医院\n扩容\",\"区卫生健康委\n区财政局\"\n推进建设,区科技局\n";
        List<SourceTable.SourceRow> rows = files.read("multi.csv", text.getBytes(StandardCharsets.UTF_8)).get(0).rows();
        assertThat(rows).extracting(SourceTable.SourceRow::number).containsExactly(1, 2, 5);
        assertThat(rows.get(1).cells()).containsExactly("建成中医院\n扩容", "区卫生健康委\n区财政局");
    }

    @Test
    void cells_are_trimmed_of_ordinary_full_width_and_non_breaking_spaces() {
        assertThat(cells("具体任务,责任单位\n\u3000 建成中医院\u00A0, 区卫生健康委 \n", StandardCharsets.UTF_8).get(1))
                .containsExactly("建成中医院", "区卫生健康委");
    }

    @Test
    void workbook_numbers_read_as_the_sheet_shows_them() {
        byte[] workbook = workbook(sheet -> {
            Row row = sheet.createRow(0);
            row.createCell(0).setCellValue(2.0);
            row.createCell(1).setCellValue(0.15);
            CellStyle percent = sheet.getWorkbook().createCellStyle();
            percent.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("0%"));
            row.getCell(1).setCellStyle(percent);
            row.createCell(2).setCellValue(2.5);
        });
        assertThat(rows(files.read("numbers.xlsx", workbook)).get(0)).containsExactly("2", "15%", "2.5");
    }

    @Test
    void a_hidden_column_with_text_is_refused_and_an_empty_hidden_column_is_not() {
        byte[] hiddenText = workbook(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("具体任务");
            sheet.getRow(0).createCell(1).setCellValue("旧单位");
            sheet.setColumnHidden(1, true);
        });
        assertThatThrownBy(() -> files.read("hidden.xlsx", hiddenText)).isInstanceOf(UnreadableFile.class)
                .hasMessageContaining("row 1, column B \"旧单位\": the cell is in a hidden column");

        byte[] hiddenEmpty = workbook(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("具体任务");
            sheet.setColumnHidden(1, true);
        });
        assertThat(rows(files.read("fine.xlsx", hiddenEmpty))).containsExactly(List.of("具体任务"));
    }

    @Test
    void the_size_limit_is_configurable_and_named_in_the_message() {
        byte[] large = new byte[(int) DataSize.ofMegabytes(1).toBytes() + 1];
        Arrays.fill(large, (byte) 'a');
        assertThatThrownBy(() -> files.read("large.csv", large))
                .hasMessageContaining("large.csv: the file is 1.0 MB; the largest file accepted is 1 MB");
    }

    private List<List<String>> cells(String text, Charset charset) {
        return rows(files.read("table.csv", text.getBytes(charset)));
    }

    private static List<List<String>> rows(List<SourceTable> tables) {
        return tables.get(0).rows().stream().map(SourceTable.SourceRow::cells).toList();
    }

    private static byte[] workbook(Consumer<Sheet> fill) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(workbook.createSheet("任务分解"));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
