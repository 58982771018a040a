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
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the import corpus: each {@code <name>.layout.txt} under {@code import-corpus/tables} becomes
 * {@code <name>.xlsx} (real merged cells), {@code <name>.docx} (real gridSpan / vMerge) and {@code <name>.csv}
 * (UTF-8 with BOM, as Excel saves it: a merged cell is a blank cell). Run {@link #main} after changing a layout and
 * commit the files, so that a reader can open them in Excel or Word. Run it from the repository root with the test
 * class path, or give the folder as the argument.
 *
 * <p>A layout is a list of lines, one per row:
 * <pre>
 * # a comment
 * table NAME [only FORMAT,…]  a new table: a sheet of the workbook, a table of the document, a block of the CSV
 * title TEXT                  the table's caption outside it: a paragraph in Word, a merged first row in the workbook
 * span TEXT                   a row of one cell merged across every column (gridSpan in Word)
 * first TEXT                  a row with text in its first cell only, nothing merged
 * header A | B | C            a header row, printed in bold; it fixes the number of columns
 * row A | ^ |                 a data row: "^" continues the cell above (merged down), an empty cell is blank
 * text TEXT                   a line of a sheet that is no table
 * </pre>
 */
final class CorpusFiles {
    static final Path SOURCE = Path.of("infra/src/test/resources/import-corpus/tables");
    static final List<String> FORMATS = List.of("xlsx", "docx", "csv");
    private static final String ABOVE = "^";
    /** The text width of an A4 page with the usual margins, in twentieths of a point. */
    private static final int PAGE_WIDTH = 9000;

    private CorpusFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : SOURCE;
        for (Path layoutFile : layouts(folder)) {
            Layout layout = Layout.read(layoutFile);
            for (String format : FORMATS) {
                Files.write(folder.resolve(layout.name() + "." + format), write(layout, format));
            }
        }
    }

    static List<Path> layouts(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(Layout.SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(Layout layout, String format) {
        return switch (format) {
            case "xlsx" -> xlsx(layout);
            case "docx" -> docx(layout);
            case "csv" -> csv(layout);
            default -> throw new IllegalArgumentException("no writer for " + format);
        };
    }

    // --- the layout -------------------------------------------------------------------------------------------

    enum Kind { TITLE, SPAN, FIRST, HEADER, ROW, TEXT }

    record Line(Kind kind, List<String> cells) {
        String text() {
            return cells.get(0);
        }

        boolean continuesAbove(int column) {
            return kind == Kind.ROW && column < cells.size() && cells.get(column).equals(ABOVE);
        }

        String cell(int column) {
            return column < cells.size() && !continuesAbove(column) ? cells.get(column) : "";
        }
    }

    record Table(String name, Set<String> formats, List<Line> lines) {
        int columns() {
            return lines.stream().filter(line -> line.kind() == Kind.HEADER).findFirst()
                    .map(line -> line.cells().size()).orElse(1);
        }

        boolean in(String format) {
            return formats.isEmpty() || formats.contains(format);
        }

        /** A sheet of explanations: lines of text, no header, no rows. */
        boolean isText() {
            return lines.stream().allMatch(line -> line.kind() == Kind.TEXT);
        }

        /** The lines that are rows of the table itself (a title stands outside it in Word). */
        List<Line> rows() {
            return lines.stream().filter(line -> line.kind() != Kind.TITLE).toList();
        }

        String title() {
            return lines.stream().filter(line -> line.kind() == Kind.TITLE).map(Line::text).findFirst().orElse(null);
        }
    }

    record Layout(String name, List<Table> tables) {
        static final String SUFFIX = ".layout.txt";

        static Layout read(Path file) {
            String fileName = file.getFileName().toString();
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return parse(fileName.substring(0, fileName.length() - SUFFIX.length()), lines);
        }

        static Layout parse(String name, List<String> text) {
            List<Table> tables = new ArrayList<>();
            List<Line> lines = null;
            for (String source : text) {
                String line = source.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int space = line.indexOf(' ');
                String keyword = space < 0 ? line : line.substring(0, space);
                String rest = space < 0 ? "" : line.substring(space + 1).strip();
                if (keyword.equals("table")) {
                    String[] words = rest.split("\\s+only\\s+");
                    Set<String> formats = words.length > 1 ? Set.of(words[1].split(",")) : Set.of();
                    lines = new ArrayList<>();
                    tables.add(new Table(words[0], formats, lines));
                    continue;
                }
                if (lines == null) {
                    throw new IllegalArgumentException(name + ": \"" + line + "\" comes before the first table line");
                }
                Kind kind = Kind.valueOf(keyword.toUpperCase(Locale.ROOT));
                List<String> cells = kind == Kind.HEADER || kind == Kind.ROW
                        ? Arrays.stream(rest.split("\\|", -1)).map(String::strip).toList() : List.of(rest);
                lines.add(new Line(kind, cells));
            }
            return new Layout(name, tables);
        }

        List<Table> tables(String format) {
            return tables.stream().filter(table -> table.in(format)).toList();
        }
    }

    // --- .xlsx ------------------------------------------------------------------------------------------------

    private static byte[] xlsx(Layout layout) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            bold.setWrapText(true);
            bold.setVerticalAlignment(VerticalAlignment.CENTER);
            for (Table table : layout.tables("xlsx")) {
                sheet(workbook.createSheet(table.name()), table, wrap, bold);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sheet(XSSFSheet sheet, Table table, CellStyle wrap, CellStyle bold) {
        int columns = table.columns();
        List<Line> lines = table.lines();
        int[] widths = new int[columns];
        for (int r = 0; r < lines.size(); r++) {
            Line line = lines.get(r);
            XSSFRow row = sheet.createRow(r);
            switch (line.kind()) {
                case TITLE, SPAN -> {
                    row.createCell(0).setCellValue(line.text());
                    row.getCell(0).setCellStyle(bold);
                    if (columns > 1) {
                        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
                    }
                }
                case FIRST, TEXT -> {
                    row.createCell(0).setCellValue(line.text());
                    row.getCell(0).setCellStyle(line.kind() == Kind.FIRST ? bold : wrap);
                }
                case HEADER, ROW -> {
                    for (int c = 0; c < columns; c++) {
                        String text = line.cell(c);
                        if (!text.isEmpty()) {
                            row.createCell(c).setCellValue(text);
                            row.getCell(c).setCellStyle(line.kind() == Kind.HEADER ? bold : wrap);
                            widths[c] = Math.max(widths[c], text.length());
                        }
                        if (line.continuesAbove(c) && (r + 1 == lines.size() || !lines.get(r + 1).continuesAbove(c))) {
                            int top = r;
                            while (lines.get(top).continuesAbove(c)) {
                                top--;
                            }
                            sheet.addMergedRegion(new CellRangeAddress(top, r, c, c));
                        }
                    }
                }
            }
        }
        // two character widths for each Chinese character, long texts wrap at 40 characters
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, Math.min(Math.max(widths[c], 3), 40) * 2 * 256 + 512);
        }
    }

    // --- .docx ------------------------------------------------------------------------------------------------

    private static byte[] docx(Layout layout) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Table table : layout.tables("docx")) {
                if (table.title() != null) {
                    paragraph(document, table.title(), true);
                }
                if (table.isText()) {
                    table.lines().forEach(line -> paragraph(document, line.text(), false));
                } else {
                    table(document, table);
                    paragraph(document, "", false); // keeps two tables from joining into one
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument document, String text, boolean bold) {
        XWPFParagraph paragraph = document.createParagraph();
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
    }

    private static void table(XWPFDocument document, Table table) {
        int columns = table.columns();
        List<Line> rows = table.rows();
        XWPFTable word = document.createTable(rows.size(), columns);
        // a grid of column widths in proportion to the text, across the width of an A4 page, so Word lays out spans
        int[] widths = new int[columns];
        for (Line line : rows) {
            for (int c = 0; c < columns && (line.kind() == Kind.HEADER || line.kind() == Kind.ROW); c++) {
                widths[c] = Math.max(widths[c], Math.min(line.cell(c).length(), 40) + 2);
            }
        }
        int total = Math.max(1, Arrays.stream(widths).sum());
        var grid = word.getCTTbl().addNewTblGrid();
        for (int c = 0; c < columns; c++) {
            widths[c] = PAGE_WIDTH * widths[c] / total;
            grid.addNewGridCol().setW(BigInteger.valueOf(widths[c]));
        }
        for (int r = 0; r < rows.size(); r++) {
            Line line = rows.get(r);
            XWPFTableRow row = word.getRow(r);
            if (line.kind() == Kind.SPAN || line.kind() == Kind.TEXT) {
                for (int c = columns - 1; c > 0; c--) {
                    row.removeCell(c);
                }
                XWPFTableCell cell = row.getCell(0);
                cell.setWidth(String.valueOf(PAGE_WIDTH));
                cell.getCTTc().getTcPr().addNewGridSpan().setVal(BigInteger.valueOf(columns));
                text(cell, line.text(), line.kind() == Kind.SPAN);
                continue;
            }
            for (int c = 0; c < columns; c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setWidth(String.valueOf(widths[c]));
                if (line.continuesAbove(c)) {
                    cell.getCTTc().getTcPr().addNewVMerge().setVal(STMerge.CONTINUE);
                    continue;
                }
                if (r + 1 < rows.size() && rows.get(r + 1).continuesAbove(c)) {
                    cell.getCTTc().getTcPr().addNewVMerge().setVal(STMerge.RESTART);
                }
                text(cell, line.kind() == Kind.FIRST && c > 0 ? "" : line.cell(c), line.kind() != Kind.ROW);
            }
        }
    }

    private static void text(XWPFTableCell cell, String text, boolean bold) {
        XWPFParagraph paragraph = cell.getParagraphs().get(0);
        XWPFRun run = paragraph.createRun();
        run.setText(text);
        run.setBold(bold);
    }

    // --- .csv -------------------------------------------------------------------------------------------------

    private static byte[] csv(Layout layout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            boolean first = true;
            for (Table table : layout.tables("csv")) {
                if (!first) {
                    printer.println();
                }
                first = false;
                int columns = table.columns();
                for (Line line : table.lines()) {
                    List<String> cells = new ArrayList<>(Collections.nCopies(columns, ""));
                    switch (line.kind()) {
                        case TITLE, SPAN, FIRST, TEXT -> cells.set(0, line.text());
                        case HEADER, ROW -> {
                            for (int c = 0; c < columns; c++) {
                                cells.set(c, line.cell(c));
                            }
                        }
                    }
                    printer.printRecord(cells);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
