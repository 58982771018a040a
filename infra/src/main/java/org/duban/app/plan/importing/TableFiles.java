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
import org.apache.poi.xwpf.usermodel.IBodyElement;
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
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
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
            throw unreadable(fileName, "文件是空的", "the file is empty");
        }
        if (content.length > maxBytes) {
            throw unreadable(fileName, String.format(Locale.ROOT, "文件大小为 %.1f MB，可接受的最大文件为 %d MB",
                    content.length / 1048576.0, maxBytes / 1048576), String.format(Locale.ROOT,
                    "the file is %.1f MB; the largest file accepted is %d MB", content.length / 1048576.0,
                    maxBytes / 1048576));
        }
        List<SourceTable> tables = switch (TableFormat.of(fileName, content)) {
            case TableFormat.XLSX -> workbook(fileName, content);
            case TableFormat.DOCX -> document(fileName, content);
            case TableFormat.OLE2 -> throw unreadable(fileName, "这是旧版的 Excel（.xls）或 Word（.doc）文件；请另存为 "
                    + ".xlsx 或 .docx 后重新导入", "this is an old binary Excel (.xls) or Word (.doc) "
                    + "file; save it as .xlsx or .docx and import it again");
            case TableFormat.PDF -> throw unreadable(fileName, "这是 PDF 文件；督办系统从 .xlsx、.docx、.csv 和 .txt 文件读取规划",
                    "this is a PDF; Duban reads plans from .xlsx, .docx, .csv and .txt files");
            case TableFormat.ZIP -> throw unreadable(fileName, "这是一个压缩包，既不是 .xlsx 工作簿也不是 .docx 文档，或者已经损坏",
                    "this is a zip archive that is neither an .xlsx workbook nor a .docx document, or it is damaged");
            default -> csv(fileName, content);
        };
        if (tables.stream().allMatch(table -> table.rows().stream().allMatch(SourceTable.SourceRow::isBlank))) {
            throw unreadable(fileName, "文件中没有任何文字", "the file holds no table or text with anything in it");
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
                                "这张工作表是隐藏的；请取消隐藏或删除它，使导入的内容就是看到的内容",
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
            throw new UnreadableFile(ImportProblem.ofFile(fileName, "无法打开工作簿（" + reason(e) + "），文件可能已损坏或不完整",
                    "the workbook cannot be opened (" + reason(e) + "); it may be damaged or truncated"), e);
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
                    "工作表超过 " + MAX_ROWS + " 行", "the sheet has more than " + MAX_ROWS + " rows"));
        }
        List<SourceTable.SourceRow> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            boolean hiddenRow = row.getZeroHeight();
            for (Cell cell : row) {
                int column = cell.getColumnIndex();
                if (column >= MAX_COLUMNS) {
                    problems.add(new ImportProblem(fileName, name, row.getRowNum() + 1, SourceTable.columnName(column),
                            null, "工作表超过 " + MAX_COLUMNS + " 列", "the sheet uses more than " + MAX_COLUMNS + " columns"));
                    break;
                }
                String text;
                if (cell.getCellType() == CellType.FORMULA) {
                    problems.add(new ImportProblem(fileName, name, row.getRowNum() + 1, SourceTable.columnName(column),
                            "=" + cell.getCellFormula(), "单元格中是公式；请复制工作表并只粘贴数值",
                            "the cell holds a formula; copy the sheet and paste values only"));
                    continue;
                }
                text = clean(formatter.formatCellValue(cell));
                if (text.isEmpty()) {
                    continue;
                }
                if (hiddenRow || sheet.isColumnHidden(column)) {
                    problems.add(new ImportProblem(fileName, name, row.getRowNum() + 1, SourceTable.columnName(column),
                            text, "单元格在隐藏的" + (hiddenRow ? "行" : "列") + "中；请取消隐藏或删除，使导入的内容就是看到的内容",
                            "the cell is in a hidden " + (hiddenRow ? "row" : "column")
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
                        throw unreadable(fileName, "文件解压后超过 " + inflated / 1048576 + " MB（" + entry.getName()
                                + "），疑似压缩炸弹，拒绝导入", "the file expands to more than " + inflated / 1048576
                                + " MB when unpacked (entry " + entry.getName() + "); it looks like a zip bomb and is refused");
                    }
                }
            }
        } catch (IOException e) {
            throw new UnreadableFile(ImportProblem.ofFile(fileName, "文件是损坏或不完整的压缩包（" + reason(e) + "）",
                    "the file is a damaged or truncated archive (" + reason(e) + ")"), e);
        }
    }

    // --- .docx ------------------------------------------------------------------------------------------------

    private List<SourceTable> document(String fileName, byte[] content) {
        checkArchive(fileName, content);
        List<SourceTable> tables = new ArrayList<>();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            // in document order, so that automatic numbering counts as Word counts it
            WordNumbering numbering = new WordNumbering();
            int number = 0;
            List<String> paragraphs = new ArrayList<>();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFTable table) {
                    number++;
                    tables.add(wordTable("表格 " + number, table, fileName, numbering));
                } else if (element instanceof XWPFParagraph paragraph) {
                    String text = clean(numbering.label(paragraph) + paragraph.getText());
                    if (!text.isEmpty()) {
                        paragraphs.add(text);
                    }
                }
            }
            if (!paragraphs.isEmpty()) {
                // counted as a reader counts them: the n-th paragraph with text, tables not counted
                tables.add(SourceTable.text(paragraphs, IntStream.rangeClosed(1, paragraphs.size())
                        .boxed().toList()));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFile unreadable) {
                throw unreadable;
            }
            throw new UnreadableFile(ImportProblem.ofFile(fileName, "无法打开文档（" + reason(e) + "），文件可能已损坏或不完整",
                    "the document cannot be opened (" + reason(e) + "); it may be damaged or truncated"), e);
        }
        if (tables.isEmpty()) {
            throw unreadable(fileName, "文档中既没有表格也没有文字", "the document has neither a table nor any text");
        }
        return tables;
    }

    /** A Word table; cells that continue a vertical merge read as empty ("same as above"), a gridSpan as empty cells. */
    private static SourceTable wordTable(String name, XWPFTable table, String fileName, WordNumbering numbering) {
        List<SourceTable.SourceRow> rows = new ArrayList<>();
        int number = 0;
        for (XWPFTableRow row : table.getRows()) {
            number++;
            if (number > MAX_ROWS) {
                throw new UnreadableFile(new ImportProblem(fileName, name, number, null, null,
                        "表格超过 " + MAX_ROWS + " 行", "the table has more than " + MAX_ROWS + " rows"));
            }
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                CTTcPr properties = cell.getCTTc().getTcPr();
                boolean continued = properties != null && properties.isSetVMerge()
                        && (properties.getVMerge().getVal() == null || properties.getVMerge().getVal() == STMerge.CONTINUE);
                cells.add(continued ? "" : clean(text(cell, numbering)));
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

    private static String text(XWPFTableCell cell, WordNumbering numbering) {
        StringBuilder text = new StringBuilder();
        for (XWPFParagraph paragraph : cell.getParagraphs()) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(numbering.label(paragraph)).append(paragraph.getText());
        }
        return text.toString();
    }

    // --- .csv -------------------------------------------------------------------------------------------------

    private List<SourceTable> csv(String fileName, byte[] content) {
        String text = decode(fileName, content);
        if (isProse(fileName, text)) {
            return List.of(paragraphs(text));
        }
        char delimiter = delimiter(text);
        List<SourceTable.SourceRow> rows = new ArrayList<>();
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                int line = line(lineStarts, record.getCharacterPosition());
                if (rows.size() >= MAX_ROWS) {
                    throw new UnreadableFile(new ImportProblem(fileName, fileName, line, null, null,
                            "文件超过 " + MAX_ROWS + " 行", "the file has more than " + MAX_ROWS + " rows"));
                }
                if (record.size() > MAX_COLUMNS) {
                    throw new UnreadableFile(new ImportProblem(fileName, fileName, line, null, null,
                            "这一行超过 " + MAX_COLUMNS + " 列", "the row has more than " + MAX_COLUMNS + " columns"));
                }
                List<String> cells = new ArrayList<>(record.size());
                record.forEach(cell -> cells.add(clean(cell)));
                rows.add(new SourceTable.SourceRow(line, cells));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFile(new ImportProblem(fileName, fileName, lastLine(text), null, null,
                    "无法解析 CSV 文本（" + reason(e) + "）；请检查是否有未闭合的引号",
                    "the CSV text cannot be parsed (" + reason(e) + "); look for a quotation mark that is never closed"), e);
        }
        return List.of(new SourceTable(fileName, rows));
    }

    /**
     * Text that is not delimited: most of its lines hold no comma, tab or semicolon. A plan written as text uses
     * full-width punctuation, which is never a CSV delimiter; a .txt may still be a table (Excel saves "Unicode
     * text" as tab-separated .txt).
     */
    private static boolean isProse(String fileName, String text) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".tsv")) {
            return false;
        }
        long lines = text.lines().filter(line -> !line.isBlank()).count();
        long delimited = text.lines().filter(line -> !line.isBlank())
                .filter(line -> line.indexOf(',') >= 0 || line.indexOf('\t') >= 0 || line.indexOf(';') >= 0).count();
        return lines > 0 && delimited * 2 < lines;
    }

    /** Each non-empty line a paragraph, numbered by its line in the file. */
    private static SourceTable paragraphs(String text) {
        List<String> paragraphs = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        if (lines.length > MAX_ROWS) {
            throw new UnreadableFile(ImportProblem.ofFile(SourceTable.TEXT, "文本超过 " + MAX_ROWS + " 行",
                    "the text has more than " + MAX_ROWS + " lines"));
        }
        for (int i = 0; i < lines.length; i++) {
            String line = clean(lines[i]);
            if (!line.isEmpty()) {
                paragraphs.add(line);
                numbers.add(i + 1);
            }
        }
        return SourceTable.text(paragraphs, numbers);
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
                throw unreadable(fileName, "这是二进制文件，不是表格或文本：请把规划另存为 .xlsx、.docx、.csv 或 .txt",
                        "the file is binary, not a table: save the plan as .xlsx, .docx, .csv or .txt");
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
            throw new UnreadableFile(ImportProblem.ofFile(fileName, "文本既不是 UTF-8 也不是 GB18030/GBK 编码；请另存为 UTF-8",
                    "the text is neither UTF-8 nor GB18030/GBK; save the file as UTF-8"), e);
        }
    }

    private static CharsetDecoder decoder(Charset charset) {
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

    private static UnreadableFile unreadable(String fileName, String message, String messageEn) {
        return new UnreadableFile(ImportProblem.ofFile(fileName, message, messageEn));
    }
}
