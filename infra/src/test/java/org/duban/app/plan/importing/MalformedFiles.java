package org.duban.app.plan.importing;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.duban.app.support.Uploads.sample;

/**
 * Files an office might send by mistake, each with the words its error message must contain. Most are the Dazu
 * sample with one thing wrong, so that nothing but that one thing can be the cause of the refusal.
 */
final class MalformedFiles {
    record Case(String name, byte[] content, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String XLSX = "dazu-tcm-task-decomposition-2024.xlsx";
    private static final String DOCX = "dazu-tcm-task-decomposition-2024.docx";
    private static final String CSV = "dazu-tcm-task-decomposition-2024.csv";

    private MalformedFiles() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("empty.csv", new byte[0], "the file is empty"));
        cases.add(new Case("blank.csv", "\r\n , ,\r\n\r\n".getBytes(StandardCharsets.UTF_8), "no table or text with anything in it"));
        cases.add(new Case("wrong-headers.csv", csv("名称,部门,日期\n中医院建设,区卫生健康委,2025年\n"),
                "no table with a task column"));
        cases.add(new Case("no-task-column.csv", csv("一级指标,二级指标,三级指标,责任单位\n一、工程,（一）方向,1.事项,区卫生健康委\n"),
                "has no task column"));
        cases.add(new Case("headers-only.csv", csv("一级指标,二级指标,三级指标,具体任务,责任单位\n"), "headers but no rows"));
        cases.add(new Case("no-unit.csv", csv("一级指标,二级指标,三级指标,具体任务,责任单位\n一、工程,（一）方向,1.事项,建成中医院,\n"),
                "row 2, column E (责任单位)"));
        cases.add(new Case("bad-target.csv", csv("序号,指标名称,2024年,2027年,责任单位\n1,市级中医重点专科,11,很多,区卫生健康委\n"),
                "row 2, column D (2027年) \"很多\""));
        cases.add(new Case("bad-baseline.csv", csv("序号,指标名称,2024年,2027年,责任单位\n1,市级中医重点专科,十一个,15,区卫生健康委\n"),
                "column C (2024年) \"十一个\""));
        cases.add(new Case("unit-name-too-long.csv", csv("序号,工作任务,责任单位\n1,建设中医馆,区卫生健康委、" + "单".repeat(300) + "\n"),
                "row 2, column C (责任单位)"));
        cases.add(new Case("unplaceable-row.csv", csv("序号,工作任务,责任单位,备注\n1,建设中医馆,区卫生健康委,\n,,区财政局,资金另行下达\n"),
                "row 3, column B (工作任务)"));
        cases.add(new Case("unclosed-quote.csv", csv("一级指标,二级指标,三级指标,具体任务,责任单位\n一、工程,（一）方向,1.事项,\"建成中医院,区卫生健康委\n"),
                "quotation mark"));
        cases.add(new Case("big5.csv", new String(sample(CSV), StandardCharsets.UTF_8).substring(1)
                .getBytes(Charset.forName("Big5")), "save CSV files as UTF-8"));
        cases.add(new Case("invalid-bytes.csv", invalidText(), "neither UTF-8 nor GB18030"));
        cases.add(new Case("utf16-without-bom.csv", new String(sample(CSV), StandardCharsets.UTF_8).substring(1)
                .getBytes(StandardCharsets.UTF_16LE), "binary"));
        cases.add(new Case("fifty-megabytes.csv", fiftyMegabytes(), "the largest file accepted is 20 MB"));
        cases.add(new Case("truncated.xlsx", Arrays.copyOf(sample(XLSX), sample(XLSX).length / 2), "truncated"));
        cases.add(new Case("truncated.docx", Arrays.copyOf(sample(DOCX), sample(DOCX).length / 2), "truncated"));
        cases.add(new Case("zip-bomb.xlsx", zipBomb(), "zip bomb"));
        cases.add(new Case("formula.xlsx", editWorkbook(workbook -> {
            Row row = workbook.getSheet("任务分解").getRow(4);
            row.getCell(4, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellFormula("E3");
        }), "任务分解, row 5, column E \"=E3\": the cell holds a formula"));
        cases.add(new Case("hidden-sheet.xlsx", editWorkbook(workbook -> {
            Sheet extra = workbook.createSheet("旧版本");
            extra.createRow(0).createCell(0).setCellValue("旧的任务清单");
            workbook.setSheetHidden(workbook.getSheetIndex(extra), true);
        }), "旧版本: the sheet is hidden"));
        cases.add(new Case("hidden-row.xlsx", editWorkbook(workbook ->
                workbook.getSheet("任务分解").getRow(6).setZeroHeight(true)), "row 7, column D"));
        cases.add(new Case("old-format.xls", oldWorkbook(), "old binary Excel (.xls)"));
        cases.add(new Case("scan.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1), "PDF"));
        cases.add(new Case("archive.zip", zip("readme.txt", "任务分解".getBytes(StandardCharsets.UTF_8)), "zip archive"));
        cases.add(new Case("no-table.docx", documentWithoutTable(), "no paragraph of the text ends in a bracket naming units"));
        cases.add(new Case("random.bin", random(), "binary"));
        return cases;
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** 0xFF never starts a character in UTF-8 or GB18030. */
    private static byte[] invalidText() {
        byte[] text = csv("一级指标,二级指标,三级指标,具体任务,责任单位\n");
        byte[] bad = Arrays.copyOf(text, text.length + 3);
        bad[text.length] = (byte) 0xFF;
        bad[text.length + 1] = (byte) 0xFF;
        bad[text.length + 2] = '\n';
        return bad;
    }

    private static byte[] fiftyMegabytes() {
        byte[] row = csv("一、工程,（一）方向,1.事项,建成中医院,区卫生健康委\n");
        byte[] content = new byte[50 * 1024 * 1024];
        for (int i = 0; i < content.length; i++) {
            content[i] = row[i % row.length];
        }
        return content;
    }

    /** A workbook-looking archive whose sheet unpacks to 300 MB of zeros from a few hundred kilobytes. */
    private static byte[] zipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(csv("<Types/>"));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 300; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] editWorkbook(Consumer<Workbook> edit) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(sample(XLSX)));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] oldWorkbook() {
        try (HSSFWorkbook workbook = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row header = workbook.createSheet("任务分解").createRow(0);
            header.createCell(0).setCellValue("具体任务");
            header.createCell(1).setCellValue("责任单位");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(String entry, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] documentWithoutTable() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("一、中医药健康服务高质量发展工程：做大做强区中医院。责任单位：区卫生健康委");
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] random() {
        byte[] content = new byte[64 * 1024];
        new Random(7).nextBytes(content);
        content[10] = 0;
        return content;
    }
}
