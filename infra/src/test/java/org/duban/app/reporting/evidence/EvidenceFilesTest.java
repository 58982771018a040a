package org.duban.app.reporting.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
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
    void the_stored_name_drops_client_paths_and_invisible_direction_marks() {
        assertThat(files.check("C:\\fakepath\\进展报告.pdf", pdf()).fileName()).isEqualTo("进展报告.pdf");
        assertThat(files.check("/home/unit/进展报告.pdf", pdf()).fileName()).isEqualTo("进展报告.pdf");
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
    void a_zip_that_unpacks_to_too_much_before_showing_its_kind_is_refused() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("zeros"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 101; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("OFD.xml"));
            zip.closeEntry();
        }
        assertRefused("bomb.ofd", bomb.toByteArray(), "a zip archive that unpacks to more than 100 MB");
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
    void a_name_longer_than_a_database_column_is_refused() {
        assertRefused("进".repeat(300) + ".pdf", pdf(), "the file name is 304 characters long; at most 255 are accepted");
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
