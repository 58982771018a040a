package org.duban.app.reporting.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

import org.duban.api.Limits;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.app.reporting.evidence.EvidenceSamples.jpeg;
import static org.duban.app.reporting.evidence.EvidenceSamples.ofd;
import static org.duban.app.reporting.evidence.EvidenceSamples.pdf;
import static org.duban.app.reporting.evidence.EvidenceSamples.png;
import static org.duban.app.reporting.evidence.EvidenceSamples.text;
import static org.duban.app.reporting.evidence.EvidenceSamples.windowsProgram;
import static org.duban.app.reporting.evidence.EvidenceSamples.zip;
import static org.duban.app.support.Uploads.sample;

class EvidenceFilesTest {
    private static final String ACCEPTED = "Accepted are PDF (.pdf), JPEG (.jpg, .jpeg), PNG (.png), Word (.docx), "
            + "Excel (.xlsx), OFD (.ofd), plain text in UTF-8 (.txt), up to 10 MB.";

    private final EvidenceFiles files = new EvidenceFiles(DataSize.ofMegabytes(10));

    // --- accepted -------------------------------------------------------------------------------------------------

    @Test
    void a_pdf_is_accepted() {
        assertAccepted("2024年第三季度进展报告.pdf", pdf(), EvidenceType.PDF, "application/pdf");
    }

    @Test
    void a_jpeg_is_accepted_as_jpg_and_as_jpeg() {
        assertAccepted("现场照片.jpg", jpeg(), EvidenceType.JPEG, "image/jpeg");
        assertAccepted("现场照片.JPEG", jpeg(), EvidenceType.JPEG, "image/jpeg");
    }

    @Test
    void a_png_is_accepted() {
        assertAccepted("screenshot.png", png(), EvidenceType.PNG, "image/png");
    }

    @Test
    void a_word_document_is_accepted() {
        assertAccepted("任务分解.docx", sample("dazu-tcm-task-decomposition-2024.docx"), EvidenceType.DOCX,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void an_excel_workbook_is_accepted() {
        assertAccepted("任务分解.xlsx", sample("dazu-tcm-task-decomposition-2024.xlsx"), EvidenceType.XLSX,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void an_ofd_document_is_accepted() {
        assertAccepted("大足府办发〔2024〕113号.ofd", ofd(), EvidenceType.OFD, "application/ofd");
    }

    @Test
    void utf8_text_is_accepted_with_or_without_a_byte_order_mark() {
        assertAccepted("说明.txt", text("已完成中医药服务能力提升工程。\n"), EvidenceType.TEXT, "text/plain; charset=UTF-8");
        assertAccepted("说明.txt", text("\uFEFF已完成。"), EvidenceType.TEXT, "text/plain; charset=UTF-8");
    }

    @Test
    void a_file_of_exactly_the_limit_is_accepted() {
        byte[] content = Arrays.copyOf(pdf(), 10 * 1024 * 1024);
        assertThat(files.check("large.pdf", content).type()).isEqualTo(EvidenceType.PDF);
    }

    @Test
    void a_name_with_a_path_is_refused_and_invisible_direction_marks_are_dropped() {
        assertRefused("C:\\fakepath\\进展报告.pdf", pdf(), "进展报告.pdf: the file name holds a path (\"\\\"); send the "
                + "file's name alone, such as report.pdf.");
        assertRefused("../../etc/passwd.pdf", pdf(), "passwd.pdf: the file name holds a path (\"/\")");
        // shown as "reportexe.pdf" by a right-to-left override, but named .exe; without the mark it says so
        assertRefused("report\u202Efdp.exe", windowsProgram(), "reportfdp.exe: files of type .exe are not accepted");
    }

    // --- refused --------------------------------------------------------------------------------------------------

    @Test
    void a_program_is_refused_by_its_name() {
        assertRefused("setup.exe", windowsProgram(), "setup.exe: files of type .exe are not accepted. " + ACCEPTED);
    }

    @Test
    void a_program_named_as_a_pdf_is_refused_by_its_content() {
        assertRefused("report.pdf", windowsProgram(),
                "report.pdf: the name says PDF (.pdf) but the content is a Windows program. " + ACCEPTED);
    }

    @Test
    void a_png_named_as_a_pdf_is_refused() {
        assertRefused("fake.pdf", png(), "fake.pdf: the name says PDF (.pdf) but the content is a PNG image. " + ACCEPTED);
    }

    @Test
    void an_empty_file_is_refused() {
        assertRefused("empty.pdf", new byte[0], "empty.pdf: the file is empty. " + ACCEPTED);
    }

    @Test
    void a_file_over_the_limit_is_refused_with_the_limit() {
        byte[] content = Arrays.copyOf(pdf(), 10 * 1024 * 1024 + 1);
        assertThatThrownBy(() -> files.check("scan.pdf", content))
                .isInstanceOfSatisfying(EvidenceRefused.class, refused -> {
                    assertThat(refused.tooLarge()).isTrue();
                    assertThat(refused.fileName()).isEqualTo("scan.pdf");
                })
                .hasMessage("scan.pdf: the file is 10.0 MB (10485761 bytes); the largest evidence file accepted "
                        + "is 10 MB. " + ACCEPTED);
    }

    @Test
    void a_docx_that_is_a_zip_of_something_else_is_refused() {
        byte[] content = zip(Map.of("readme.txt", text("not a document"), "word/notes.txt", text("still not")));
        assertRefused("report.docx", content, "report.docx: the name says Word (.docx) but the content is a zip "
                + "archive that is not a Word, Excel or OFD document");
    }

    @Test
    void a_workbook_named_as_a_word_document_is_refused() {
        assertRefused("report.docx", sample("dazu-tcm-task-decomposition-2024.xlsx"),
                "the name says Word (.docx) but the content is an Excel workbook (.xlsx)");
    }

    @Test
    void a_damaged_zip_is_refused() {
        byte[] content = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertRefused("report.ofd", content, "the name says OFD (.ofd) but the content is a damaged zip archive");
    }

    @Test
    void text_with_nul_bytes_is_refused() {
        assertRefused("notes.txt", text("进展\u0000说明"),
                "notes.txt: the name says plain text in UTF-8 (.txt) but the content is binary data, not text "
                        + "(a NUL byte at offset 6). " + ACCEPTED);
    }

    @Test
    void text_that_is_not_utf8_is_refused() {
        assertRefused("notes.txt", "进展说明".getBytes(Charset.forName("GB18030")),
                "but the content is not UTF-8 text (offset 0 is not UTF-8; GB18030/GBK text must be saved as UTF-8)");
    }

    @Test
    void an_old_word_document_is_refused_with_what_to_do() {
        byte[] ole2 = Arrays.copyOf(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
                0x1A, (byte) 0xE1}, 512);
        assertRefused("report.docx", ole2, "an old-format Word or Excel file (.doc, .xls); save it as .docx, .xlsx or PDF");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', value = {
            "report          | report: the file name has no extension, so its type is unknown",
            "report.doc      | report.doc: files of type .doc are not accepted",
            "archive.tar.gz  | archive.tar.gz: files of type .gz are not accepted",
            "'   '           | the upload has no file name; send the file with its name, such as report.pdf"})
    void a_name_without_an_accepted_extension_is_refused(String name, String message) {
        assertRefused(name, pdf(), message);
    }

    @Test
    void a_name_longer_than_the_contract_allows_is_refused_with_the_limit() {
        assertRefused("进".repeat(300) + ".pdf", pdf(), "the file name is 304 characters long; at most "
                + Limits.FILE_NAME + " are accepted");
        String longest = "进".repeat(Limits.FILE_NAME - 4) + ".pdf";
        assertThat(files.check(longest, pdf()).fileName()).isEqualTo(longest);
    }

    @ParameterizedTest(name = "U+{1}")
    @CsvSource({"'report\\0.pdf', 0000", "'report\\n.pdf', 000A", "'re\\033port.pdf', 001B",
            "'report\\177.pdf', 007F", "'report.pdf\\205', 0085", "'report.pdf\\037', 001F"})
    void a_name_with_a_control_character_is_refused_naming_it(String escaped, String codePoint) {
        String name = escaped.translateEscapes();
        assertThatThrownBy(() -> files.check(name, pdf()))
                .isInstanceOfSatisfying(EvidenceRefused.class, refused -> assertThat(refused.fileName())
                        .isEqualTo("report.pdf"))
                .hasMessageStartingWith("report.pdf: the file name holds the control character U+" + codePoint
                        + ", which no file name may; rename the file.");
    }

    // --- active content: PDF ----------------------------------------------------------------------------------------

    @Test
    void a_pdf_that_runs_javascript_when_opened_is_refused() {
        byte[] content = pdfWith("1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 4 0 R >> endobj",
                "4 0 obj << /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >> endobj");
        assertRefused("report.pdf", content, "report.pdf: the PDF holds JavaScript (/JavaScript), which a browser or "
                + "PDF reader could run; save it without scripts and actions or print it to PDF again.");
    }

    @Test
    void a_pdf_with_a_script_behind_an_escaped_name_is_refused() {
        // /J#53 is /JS to a reader
        byte[] content = pdfWith("1 0 obj << /Type /Catalog /Pages 2 0 R /AA << /O << /S /Java#53cript /J#53 (x) >> >> >> endobj");
        assertRefused("report.pdf", content, "the PDF holds JavaScript (/JavaScript)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Launch       | << /Type /Action /S /Launch /F (cmd.exe) >>                     | a launch action",
            "EmbeddedFile | << /Type /EmbeddedFile /Length 0 >>                             | an embedded file",
            "EF           | << /Type /Filespec /F (a.exe) /EF << /F 8 0 R >> >>             | an embedded file",
            "GoToR        | << /S /GoToR /F (\\\\\\\\127.0.0.1\\\\share\\\\a.pdf) >>        | a link that opens another file",
            "SubmitForm   | << /S /SubmitForm /F (http://127.0.0.1/) >>                     | a form action that sends data away",
            "RichMedia    | << /Type /Annot /Subtype /RichMedia >>                          | rich media",
            "XFA          | << /Fields [] /XFA 9 0 R >>                                     | an XFA form"})
    void a_pdf_with_other_active_content_is_refused_naming_it(String name, String object, String what) {
        assertRefused("report.pdf", pdfWith("4 0 obj " + object + " endobj"),
                "report.pdf: the PDF holds " + what);
        assertRefused("report.pdf", pdfWith("4 0 obj " + object + " endobj"), "(/" + name + ")");
    }

    @Test
    void a_script_inside_a_compressed_object_stream_is_found() {
        byte[] content = pdfWith(objectStream("<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
                "<< /S /JavaScript /JS (app.launchURL\\('http://127.0.0.1/'\\)) >>"));
        assertThat(new String(content, StandardCharsets.ISO_8859_1)).doesNotContain("JavaScript").doesNotContain("/JS");
        assertRefused("report.pdf", content, "the PDF holds JavaScript (/J");

        byte[] launch = pdfWith(objectStream("<< /Type /Catalog /Pages 2 0 R >>", "<< /S /Launch /F (calc.exe) >>"));
        assertRefused("report.pdf", launch, "the PDF holds a launch action, which starts a program or opens a file (/Launch)");
    }

    @Test
    void a_pdf_without_active_content_is_accepted_with_its_object_streams_and_binary_streams() {
        // an OpenAction that only opens page 1, an object stream of plain objects, and image bytes that happen to
        // hold "/JS " (stream data is not read as PDF syntax)
        byte[] image = "\u0001\u0002/JS \u00FF<\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] content = pdfWith("1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >> endobj",
                objectStream("<< /Producer (WPS Office) >>", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
                "7 0 obj << /Type /XObject /Subtype /Image /Filter /DCTDecode /Length " + image.length + " >>\nstream\n"
                        + new String(image, StandardCharsets.ISO_8859_1) + "\nendstream endobj");
        assertThat(files.check("report.pdf", content).type()).isEqualTo(EvidenceType.PDF);
    }

    @Test
    void an_object_stream_that_cannot_be_checked_is_refused() {
        byte[] content = pdfWith("6 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /LZWDecode /Length 3 >>\nstream\nabc"
                + "\nendstream endobj");
        assertRefused("report.pdf", content, "the PDF has an object stream packed as /LZWDecode, which cannot be "
                + "checked for scripts");
    }

    @Test
    void an_object_stream_that_cannot_be_unpacked_is_refused_as_an_encrypted_one_would_be() {
        byte[] ciphertext = "\u00FF\u00FE\u00FD\u00FC not Flate data \u0001\u0002".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused("report.pdf", pdfWith(objectStream(ciphertext)), "the PDF has an object stream that cannot be "
                + "unpacked (it is encrypted or damaged), so it cannot be checked for scripts");
    }

    @Test
    void an_object_stream_that_unpacks_past_the_shared_bound_is_refused() {
        byte[] zeros = new byte[64 * 1024 * 1024];
        byte[] content = pdfWith(objectStream(deflate(zeros)));
        assertThat(content.length).isLessThan(1024 * 1024);
        assertRefused("report.pdf", content, "the PDF's object streams unpack to more than 256 MB, or to more than "
                + "100 times the file's size");
    }

    // --- active content: polyglots and markup -----------------------------------------------------------------------

    @Test
    void a_pdf_that_is_also_a_web_page_is_refused() {
        byte[] content = concat(pdf(), text("<html><body><script>fetch('/api/evidence')</script></body></html>"));
        assertRefused("report.pdf", content, "report.pdf: the PDF is also a web page or script (a polyglot): it holds "
                + "<html…, which a browser would run; save or export the file again.");
    }

    @Test
    void images_that_are_also_scripts_or_pages_are_refused() {
        assertRefused("photo.jpg", concat(jpeg(), text("<SCRIPT src=//127.0.0.1/x.js></SCRIPT>")),
                "photo.jpg: the JPEG is also a web page or script (a polyglot): it holds <script…");
        assertRefused("photo.jpg", concat(Arrays.copyOf(jpeg(), 20), text("<?php system($_GET['c']); ?>"), jpeg()),
                "photo.jpg: the JPEG is also a web page or script (a polyglot): it holds <?php…");
        assertRefused("chart.png", concat(png(), text("<svg onload=alert(1)>")),
                "chart.png: the PNG is also a web page or script (a polyglot): it holds <svg…");
        assertRefused("chart.png", concat(png(), text("<iframe\nsrc=x>")), "it holds <iframe…");
    }

    @Test
    void a_web_page_saved_as_text_is_refused() {
        assertRefused("说明.txt", text("<!DOCTYPE html>\n<html><body>进展说明</body></html>"),
                "说明.txt: the text is a web page or script: it holds <!doctype html…, which a browser would run; "
                        + "save it as PDF, or remove the markup.");
        assertRefused("说明.txt", text("进展说明<img src=x onerror=alert(1)>"), "it holds <img…");
    }

    @Test
    void text_with_angle_brackets_that_are_not_markup_is_accepted() {
        assertAccepted("说明.txt", text("完成率 < 50% 的单位 3 个，a<b 且 b>c，<scripts 与 <htmlx 不是标记。"), EvidenceType.TEXT,
                "text/plain; charset=UTF-8");
    }

    // --- active content and bombs: Office and OFD -------------------------------------------------------------------

    @Test
    void a_docx_that_unpacks_to_a_gibibyte_is_refused_as_a_zip_bomb() throws IOException {
        byte[] bomb = EvidenceSamples.wordZipBomb(1024);
        assertThat(bomb.length).isBetween(512 * 1024, 2 * 1024 * 1024);
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bomb))) {
            assertThat(zip.getNextEntry().getName()).isEqualTo("[Content_Types].xml");
            assertThat(zip.getNextEntry().getSize()).isEqualTo(1024L * 1024 * 1024);
        }
        assertRefused("report.docx", bomb, "report.docx: the file unpacks to more than 256 MB, or to more than 100 "
                + "times its size (at part word/document.xml); it looks like a zip bomb.");
    }

    @Test
    void the_bomb_sample_is_a_real_zip_that_the_check_reads_to_its_end() throws IOException {
        byte[] small = EvidenceSamples.wordZipBomb(2);
        long inflated = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(small))) {
            zip.getNextEntry();
            zip.getNextEntry();
            inflated = zip.readAllBytes().length;
        }
        assertThat(inflated).isEqualTo(2L * 1024 * 1024);
        // two MiB, however compressed, stay within the first 10 MB, where the ratio does not count yet
        assertAccepted("report.docx", small, EvidenceType.DOCX,
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void a_zip_bomb_is_refused_before_it_shows_its_kind_and_whatever_its_name_says() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("zeros"));
            zip.write(new byte[20 * 1024 * 1024]);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("OFD.xml"));
            zip.closeEntry();
        }
        assertRefused("bomb.ofd", bomb.toByteArray(), "(at part zeros); it looks like a zip bomb");
        assertRefused("bomb.xlsx", bomb.toByteArray(), "(at part zeros); it looks like a zip bomb");
    }

    @Test
    void office_files_with_macros_or_activex_are_refused() {
        byte[] docm = zip(Map.of("[Content_Types].xml", text("<Types/>"), "word/document.xml", text("<w:document/>"),
                "word/vbaProject.bin", new byte[]{1, 2, 3}));
        assertRefused("report.docx", docm, "report.docx: the document holds macros (word/vbaProject.bin), which Office "
                + "could run; save it as a document without macros (.docx, .xlsx) or as PDF.");
        byte[] xlm = zip(Map.of("[Content_Types].xml", text("<Types/>"), "xl/workbook.xml", text("<workbook/>"),
                "xl/macrosheets/sheet1.xml", text("<xm:macrosheet/>")));
        assertRefused("data.xlsx", xlm, "the document holds Excel 4.0 macro sheets (xl/macrosheets/sheet1.xml)");
        byte[] activeX = zip(Map.of("[Content_Types].xml", text("<Types/>"), "word/document.xml", text("<w:document/>"),
                "word/activeX/activeX1.xml", text("<ax:ocx/>")));
        assertRefused("report.docx", activeX, "the document holds ActiveX controls (word/activeX/activeX1.xml)");
    }

    @Test
    void a_zip_with_data_after_its_end_is_refused() {
        byte[] content = concat(sample("dazu-tcm-task-decomposition-2024.docx"), text("<html><script>x</script></html>"));
        assertRefused("任务分解.docx", content, "the zip archive's directory does not list the parts it holds (or there "
                + "is data after its end)");
    }

    private static byte[] pdfWith(String... objects) {
        StringBuilder pdf = new StringBuilder("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
        if (Arrays.stream(objects).noneMatch(object -> object.startsWith("1 0 obj"))) {
            pdf.append("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
        }
        for (String object : objects) {
            pdf.append(object).append('\n');
        }
        pdf.append("2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n")
                .append("3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n")
                .append("trailer << /Root 1 0 R >>\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Object 6: an object stream holding objects 4, 5, … as PDF writers pack them, Flate-compressed. */
    private static String objectStream(String... objects) {
        StringBuilder offsets = new StringBuilder();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < objects.length; i++) {
            offsets.append(4 + i).append(' ').append(body.length()).append(' ');
            body.append(objects[i]).append('\n');
        }
        String header = offsets.toString();
        return objectStream(deflate((header + body).getBytes(StandardCharsets.ISO_8859_1)), objects.length, header.length());
    }

    private static String objectStream(byte[] deflated) {
        return objectStream(deflated, 1, 4);
    }

    private static String objectStream(byte[] deflated, int count, int first) {
        return "6 0 obj << /Type /ObjStm /N " + count + " /First " + first + " /Filter /FlateDecode /Length "
                + deflated.length + " >>\nstream\n" + new String(deflated, StandardCharsets.ISO_8859_1)
                + "\nendstream endobj";
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(9))) {
            deflater.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private void assertAccepted(String name, byte[] content, EvidenceType type, String mediaType) {
        EvidenceFiles.Accepted accepted = files.check(name, content);
        assertThat(accepted.type()).isEqualTo(type);
        assertThat(accepted.type().mediaType()).isEqualTo(mediaType);
        assertThat(accepted.fileName()).isEqualTo(name);
    }

    private void assertRefused(String name, byte[] content, String message) {
        assertThatThrownBy(() -> files.check(name, content))
                .isInstanceOfSatisfying(EvidenceRefused.class, refused -> assertThat(refused.tooLarge()).isFalse())
                .hasMessageContaining(message);
    }
}
