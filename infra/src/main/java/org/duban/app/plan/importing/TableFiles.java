package org.duban.app.plan.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.duban.app.files.FileBytes;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads .xlsx workbooks, .docx tables and .csv text into {@link SourceTable}s. Refuses — with the file, sheet,
 * row and cell named — what a person would not see on screen (hidden sheets, rows, columns), what would be a guess
 * (formulas, undecodable text), and what would hurt the server (oversized files, zip bombs).
 */
@Component
class TableFiles implements TableFileReader {
    static final int MAX_ROWS = 20_000;
    static final int MAX_COLUMNS = 200;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final long maxBytes;

    TableFiles(@Value("${duban.import.max-file-size:20MB}") DataSize maxFileSize) {
        this.maxBytes = maxFileSize.toBytes();
    }

    @Override
    public List<SourceTable> read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw unreadable(fileName, "the file is empty");
        }
        if (content.length > maxBytes) {
            throw unreadable(fileName, String.format(Locale.ROOT, "the file is %.1f MB; the largest file accepted is %d MB",
                    content.length / 1048576.0, maxBytes / 1048576));
        }
        List<SourceTable> tables = switch (TableFormat.of(fileName, content)) {
            case TableFormat.XLSX -> workbook(fileName, content);
            case TableFormat.DOCX -> document(fileName, content);
            case TableFormat.OLE2 -> throw unreadable(fileName, "this is an old binary Excel (.xls) or Word (.doc) "
                    + "file; save it as .xlsx or .docx and import it again");
            case TableFormat.PDF -> throw unreadable(fileName, "this is a PDF; Duban reads tables from .xlsx, .docx and .csv files");
            case TableFormat.ZIP -> throw unreadable(fileName, "this is a zip archive that is neither an .xlsx workbook "
                    + "nor a .docx document, or it is damaged");
            default -> csv(fileName, content);
        };
        if (tables.stream().allMatch(table -> table.rows().stream().allMatch(SourceTable.SourceRow::isBlank))) {
            throw unreadable(fileName, "the file holds no table with any text in it");
        }
        return tables;
    }

    // --- .xlsx ------------------------------------------------------------------------------------------------

    private List<SourceTable> workbook(String fileName, byte[] content) {
        checkArchive(fileName, content);
        List<ImportProblem> problems = new ArrayList<>();
        List<SourceTable> tables = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter(Locale.CHINA);
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Sheet sheet = workbook.getSheetAt(s);
                if (workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s)) {
                    if (sheet.getPhysicalNumberOfRows() > 0) {
                        problems.add(new ImportProblem(fileName, sheet.getSheetName(), null, null, null,
                                "the sheet is hidden; unhide or delete it, so that what is imported is what you see"));
                    }
                    continue;
                }
                tables.add(sheet(fileName, sheet, formatter, problems));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFile unreadable) {
                throw unreadable;
            }
            throw new UnreadableFile(ImportProblem.ofFile(fileName, "the workbook cannot be opened ("
                    + reason(e) + "); it may be damaged or truncated"), e);
        }
        if (!problems.isEmpty()) {
            throw new UnreadableFile(problems, null);
        }
        return tables;
    }

    private static SourceTable sheet(String fileName, Sheet sheet, DataFormatter formatter, List<ImportProblem> problems) {
        String name = sheet.getSheetName();
        if (sheet.getLastRowNum() >= MAX_ROWS) {
            throw new UnreadableFile(new ImportProblem(fileName, name, sheet.getLastRowNum() + 1, null, null,
                    "the sheet has more than " + MAX_ROWS + " rows"));
        }
        List<SourceTable.SourceRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            boolean hiddenRow = row.getZeroHeight();
            for (Cell cell : row) {
                int column = cell.getColumnIndex();
                if (column >= MAX_COLUMNS) {
                    problems.add(new ImportProblem(fileName, name, row.getRowNum() + 1, SourceTable.columnName(column),
                            null, "the sheet uses more than " + MAX_COLUMNS + " columns"));
                    break;
                }
                String text;
                if (cell.getCellType() == CellType.FORMULA) {
                    problems.add(new ImportProblem(fileName, name, row.getRowNum() + 1, SourceTable.columnName(column),
                            "=" + cell.getCellFormula(), "the cell holds a formula; copy the sheet and paste values only"));
                    continue;
                }
                text = clean(formatter.formatCellValue(cell));
                if (text.isEmpty()) {
                    continue;
                }
                if (hiddenRow || sheet.isColumnHidden(column)) {
                    problems.add(new ImportProblem(fileName, name, row.getRowNum() + 1, SourceTable.columnName(column),
                            text, "the cell is in a hidden " + (hiddenRow ? "row" : "column")
                            + "; unhide or delete it, so that what is imported is what you see"));
                    continue;
                }
                while (cells.size() < column) {
                    cells.add("");
                }
                cells.add(text);
            }
            rows.add(new SourceTable.SourceRow(row.getRowNum() + 1, cells));
        }
        return new SourceTable(name, rows);
    }

    /**
     * Inflates the archive once before POI does, counting bytes, so that a small file that expands to gigabytes
     * is refused before it costs memory.
     */
    private static void checkArchive(String fileName, byte[] content) {
        long inflated = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    inflated += n;
                    if (FileBytes.inflatesTooMuch(inflated, content.length)) {
                        throw unreadable(fileName, "the file expands to more than " + inflated / 1048576
                                + " MB when unpacked (entry " + entry.getName() + "); it looks like a zip bomb and is refused");
                    }
                }
            }
        } catch (IOException e) {
            throw new UnreadableFile(ImportProblem.ofFile(fileName, "the file is a damaged or truncated archive ("
                    + reason(e) + ")"), e);
        }
    }

    // --- .docx ------------------------------------------------------------------------------------------------

    private List<SourceTable> document(String fileName, byte[] content) {
        checkArchive(fileName, content);
        List<SourceTable> tables = new ArrayList<>();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            int number = 0;
            for (XWPFTable table : document.getTables()) {
                number++;
                tables.add(wordTable("表格 " + number, table, fileName));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFile unreadable) {
                throw unreadable;
            }
            throw new UnreadableFile(ImportProblem.ofFile(fileName, "the document cannot be opened ("
                    + reason(e) + "); it may be damaged or truncated"), e);
        }
        if (tables.isEmpty()) {
            throw unreadable(fileName, "the document has no table; Duban reads the plan from a table in the document");
        }
        return tables;
    }

    /** A Word table; cells that continue a vertical merge read as empty ("same as above"), a gridSpan as empty cells. */
    private static SourceTable wordTable(String name, XWPFTable table, String fileName) {
        List<SourceTable.SourceRow> rows = new ArrayList<>();
        int number = 0;
        for (XWPFTableRow row : table.getRows()) {
            number++;
            if (number > MAX_ROWS) {
                throw new UnreadableFile(new ImportProblem(fileName, name, number, null, null,
                        "the table has more than " + MAX_ROWS + " rows"));
            }
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr properties = cell.getCTTc().getTcPr();
                boolean continued = properties != null && properties.isSetVMerge()
                        && (properties.getVMerge().getVal() == null || properties.getVMerge().getVal() == STMerge.CONTINUE);
                cells.add(continued ? "" : clean(text(cell)));
                int span = properties != null && properties.isSetGridSpan()
                        ? properties.getGridSpan().getVal().intValue() : 1;
                for (int extra = 1; extra < span; extra++) {
                    cells.add("");
                }
            }
            rows.add(new SourceTable.SourceRow(number, cells));
        }
        return new SourceTable(name, rows);
    }

    private static String text(XWPFTableCell cell) {
        StringBuilder text = new StringBuilder();
        for (XWPFParagraph paragraph : cell.getParagraphs()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(paragraph.getText());
        }
        return text.toString();
    }

    // --- .csv -------------------------------------------------------------------------------------------------

    private List<SourceTable> csv(String fileName, byte[] content) {
        String text = decode(fileName, content);
        char delimiter = delimiter(text);
        List<SourceTable.SourceRow> rows = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                int line = line(lineStarts, record.getCharacterPosition());
                if (rows.size() >= MAX_ROWS) {
                    throw new UnreadableFile(new ImportProblem(fileName, fileName, line, null, null,
                            "the file has more than " + MAX_ROWS + " rows"));
                }
                if (record.size() > MAX_COLUMNS) {
                    throw new UnreadableFile(new ImportProblem(fileName, fileName, line, null, null,
                            "the row has more than " + MAX_COLUMNS + " columns"));
                }
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cell -> cells.add(clean(cell)));
                rows.add(new SourceTable.SourceRow(line, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFile(new ImportProblem(fileName, fileName, lastLine(text), null, null,
                    "the CSV text cannot be parsed (" + reason(e) + "); look for a quotation mark that is never closed"), e);
        }
        return List.of(new SourceTable(fileName, rows));
    }

    /** UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (which covers GBK and GB2312). */
    private static String decode(String fileName, byte[] content) {
        if (FileBytes.startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return strict(fileName, StandardCharsets.UTF_8, Arrays.copyOfRange(content, 3, content.length));
        }
        if (FileBytes.startsWith(content, 0xFF, 0xFE) || FileBytes.startsWith(content, 0xFE, 0xFF)) {
            return strict(fileName, StandardCharsets.UTF_16, content);
        }
        for (byte b : content) {
            if (b == 0) {
                throw unreadable(fileName, "the file is binary, not a table: save the table as .xlsx, .docx or .csv");
            }
        }
        try {
            return decoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return strict(fileName, GB18030, content);
        }
    }

    private static String strict(String fileName, Charset charset, byte[] content) {
        try {
            return decoder(charset).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFile(ImportProblem.ofFile(fileName, "the text is neither UTF-8 nor GB18030/GBK; "
                    + "save the CSV file as UTF-8"), e);
        }
    }

    private static java.nio.charset.CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The most frequent of comma, tab and semicolon outside quotes in the first lines. */
    private static char delimiter(String text) {
        char[] candidates = {',', '\t', ';'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        int lines = 0;
        for (int i = 0; i < text.length() && lines < 20; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '\n') {
                lines++;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int line(int[] lineStarts, long position) {
        int index = Arrays.binarySearch(lineStarts, (int) position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    private static int lastLine(String text) {
        return (int) text.chars().filter(c -> c == '\n').count() + 1;
    }

    // --- shared -----------------------------------------------------------------------------------------------

    /** Trims ordinary, full-width and non-breaking spaces; keeps line breaks inside, which separate unit names. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').replace('\u00A0', ' ')
                .replaceAll("^[\\s\\u3000]+|[\\s\\u3000]+$", "");
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }

    private static UnreadableFile unreadable(String fileName, String message) {
        return new UnreadableFile(ImportProblem.ofFile(fileName, message));
    }
}
