package org.duban.app.plan.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Writes the seed tables as the files an office would send: a workbook with real merged cells, a Word document with
 * vertically merged cells, and CSV text in UTF-8 (with BOM, as Excel saves it) or GB18030. Run {@link #main} to
 * refresh the samples shipped in {@code infra/src/main/resources/samples}.
 */
final class SampleFiles {
    /** Columns whose blank cells continue the cell above; the originals merge them. */
    private static final Set<String> MERGED_HEADERS = Set.of("一级指标", "二级指标", "三级指标", "责任单位");

    private SampleFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path samples = Path.of(args.length > 0 ? args[0] : "infra/src/main/resources/samples");
        Files.createDirectories(samples);
        SeedTables dazu = SeedTables.dazu();
        Files.write(samples.resolve("dazu-tcm-task-decomposition-2024.xlsx"), xlsx(dazu));
        Files.write(samples.resolve("dazu-tcm-task-decomposition-2024.docx"), docx(dazu));
        Files.write(samples.resolve("dazu-tcm-task-decomposition-2024.csv"), csv(dazu, StandardCharsets.UTF_8, true));
        Files.write(samples.resolve("dazu-tcm-task-decomposition-2024-gb18030.csv"), csv(dazu, Charset.forName("GB18030"), false));
        Files.write(samples.resolve("chongqing-tcm-major-projects-2023-2027.csv"),
                csv(SeedTables.chongqing(), StandardCharsets.UTF_8, true));
    }

    static byte[] xlsx(SeedTables seed) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setVerticalAlignment(VerticalAlignment.CENTER);

            XSSFSheet tasks = workbook.createSheet("任务分解");
            XSSFRow title = tasks.createRow(0);
            title.createCell(0).setCellValue(seed.taskTitle());
            title.getCell(0).setCellStyle(bold);
            tasks.addMergedRegion(new CellRangeAddress(0, 0, 0, seed.taskRows().get(0).size() - 1));
            writeRows(tasks, 1, seed.taskRows(), wrap, bold);
            mergeBlanks(tasks, 1, seed.taskRows());
            int[] widths = {22, 26, 22, 70, 36};
            for (int c = 0; c < widths.length; c++) {
                tasks.setColumnWidth(c, widths[c] * 256);
            }

            XSSFSheet indicators = workbook.createSheet("指标");
            XSSFRow caption = indicators.createRow(0);
            caption.createCell(0).setCellValue(seed.indicatorTitle());
            caption.getCell(0).setCellStyle(bold);
            indicators.addMergedRegion(new CellRangeAddress(0, 0, 0, seed.indicatorRows().get(0).size() - 1));
            writeRows(indicators, 1, seed.indicatorRows(), wrap, bold);
            int[] indicatorWidths = {8, 44, 10, 10, 36};
            for (int c = 0; c < indicatorWidths.length; c++) {
                indicators.setColumnWidth(c, indicatorWidths[c] * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeRows(XSSFSheet sheet, int firstRow, List<List<String>> rows, CellStyle wrap, CellStyle bold) {
        for (int r = 0; r < rows.size(); r++) {
            XSSFRow row = sheet.createRow(firstRow + r);
            List<String> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                if (!cells.get(c).isEmpty()) {
                    row.createCell(c).setCellValue(cells.get(c));
                    row.getCell(c).setCellStyle(r == 0 ? bold : wrap);
                }
            }
        }
    }

    /** Merges each non-empty cell of the carried-down columns with the blank cells under it, as the original does. */
    private static void mergeBlanks(XSSFSheet sheet, int firstRow, List<List<String>> rows) {
        List<String> header = rows.get(0);
        for (int c = 0; c < header.size(); c++) {
            if (!MERGED_HEADERS.contains(header.get(c))) {
                continue;
            }
            int r = 1;
            while (r < rows.size()) {
                int end = r;
                if (!rows.get(r).get(c).isEmpty()) {
                    while (end + 1 < rows.size() && rows.get(end + 1).get(c).isEmpty() && !rows.get(end + 1).equals(header)) {
                        end++;
                    }
                    if (end > r) {
                        sheet.addMergedRegion(new CellRangeAddress(firstRow + r, firstRow + end, c, c));
                    }
                }
                r = end + 1;
            }
        }
    }

    static byte[] docx(SeedTables seed) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            paragraph(document, seed.taskTitle());
            table(document, seed.taskRows(), true);
            paragraph(document, seed.indicatorTitle());
            table(document, seed.indicatorRows(), false);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument document, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.createRun().setText(text);
        paragraph.getRuns().get(0).setBold(true);
    }

    private static void table(XWPFDocument document, List<List<String>> rows, boolean merge) {
        int columns = rows.get(0).size();
        XWPFTable table = document.createTable(rows.size(), columns);
        List<String> header = rows.get(0);
        boolean[] open = new boolean[columns];
        for (int r = 0; r < rows.size(); r++) {
            XWPFTableRow row = table.getRow(r);
            for (int c = 0; c < columns; c++) {
                XWPFTableCell cell = row.getCell(c);
                String text = rows.get(r).get(c);
                boolean mergeable = merge && r > 0 && MERGED_HEADERS.contains(header.get(c)) && !rows.get(r).equals(header);
                if (mergeable && text.isEmpty() && open[c]) {
                    cell.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.CONTINUE);
                    continue;
                }
                boolean nextBlank = r + 1 < rows.size() && rows.get(r + 1).get(c).isEmpty() && !rows.get(r + 1).equals(header);
                open[c] = mergeable && !text.isEmpty() && nextBlank;
                if (open[c]) {
                    cell.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
                }
                List<String> lines = text.lines().toList();
                cell.setText(lines.isEmpty() ? "" : lines.get(0));
                for (int l = 1; l < lines.size(); l++) {
                    cell.addParagraph().createRun().setText(lines.get(l));
                }
            }
        }
    }

    static byte[] csv(SeedTables seed, Charset charset, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        try (Writer writer = new OutputStreamWriter(out, charset);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            printer.printRecord(seed.taskTitle());
            for (List<String> row : seed.taskRows()) {
                printer.printRecord(row);
            }
            printer.println();
            printer.printRecord(seed.indicatorTitle());
            for (List<String> row : seed.indicatorRows()) {
                printer.printRecord(row);
            }
            for (String note : seed.notes()) {
                printer.printRecord(note);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
