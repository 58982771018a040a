package org.duban.app.reporting.evidence;

import org.duban.api.Limits;
import org.duban.api.Role;
import org.duban.api.reporting.EvidenceRef;
import org.duban.app.files.FileBytes;
import org.duban.app.security.DubanUser;
import org.duban.app.support.EventMark;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.TestDatabases;
import org.duban.app.support.Uploads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.duban.app.reporting.evidence.EvidenceSamples.pdf;
import static org.duban.app.reporting.evidence.EvidenceSamples.png;
import static org.duban.app.reporting.evidence.EvidenceSamples.text;
import static org.duban.app.reporting.evidence.EvidenceSamples.windowsProgram;
import static org.duban.app.reporting.evidence.EvidenceSamples.zip;

/** Evidence over HTTP: upload, read back byte for byte, who may read, what is refused and that it leaves nothing. */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class EvidenceIT {
    private static final String NAME = "卫生健康委 2024年第三季度进展（佐证）.pdf";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EvidenceStore store;

    @Test
    void a_unit_uploads_a_pdf_and_reads_it_back_byte_for_byte() {
        byte[] pdf = pdf();
        ResponseEntity<Map> uploaded = upload("health", NAME, pdf);

        assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
        Map ref = uploaded.getBody();
        String id = (String) ref.get("evidenceId");
        assertThat(ref).containsEntry("fileName", NAME).containsEntry("size", pdf.length)
                .containsEntry("sha256", FileBytes.sha256(pdf)).containsEntry("mediaType", "application/pdf");
        assertThat(uploaded.getHeaders().getLocation()).hasPath("/api/evidence/" + id);

        ResponseEntity<byte[]> download = http.withBasicAuth("health", "duban").getForEntity("/api/evidence/" + id, byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(pdf);
        assertThat(FileBytes.sha256(download.getBody())).isEqualTo(ref.get("sha256"));
        HttpHeaders headers = download.getHeaders();
        assertThat(headers.getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(headers.getContentLength()).isEqualTo(pdf.length);
        assertThat(headers.getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;")
                .contains("filename*=UTF-8''" + URLEncoder.encode(NAME, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(headers.getContentDisposition().getFilename()).isEqualTo(NAME);
        assertThat(headers.get("X-Content-Type-Options")).containsExactly("nosniff");

        assertThat(http.withBasicAuth("health", "duban").getForObject("/api/evidence/" + id + "/ref", Map.class))
                .isEqualTo(ref);
        assertThat(jdbc.queryForMap("select uploaded_by, uploaded_by_unit from evidence where evidence_id = ?", id))
                .containsValues("health", "区卫生健康委");
    }

    @Test
    void a_user_of_another_unit_may_not_read_it() {
        String id = uploadedPdf();

        assertThat(status("market", "/api/evidence/" + id)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("market", "/api/evidence/" + id + "/ref")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void administrators_auditors_and_evaluators_read_every_units_evidence_and_a_supervisor_only_through_cited_work() {
        String id = uploadedPdf();
        // not cited by any report yet: no plan the supervisor oversees shows it
        assertThat(status("supervisor", "/api/evidence/" + id)).isEqualTo(HttpStatus.FORBIDDEN);

        for (String user : List.of("admin", "auditor", "evaluator")) {
            ResponseEntity<byte[]> download = http.withBasicAuth(user, "duban").getForEntity("/api/evidence/" + id, byte[].class);
            assertThat(download.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(download.getBody()).as(user).isEqualTo(pdf());
            assertThat(status(user, "/api/evidence/" + id + "/ref")).as(user).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void an_unknown_id_is_not_found() {
        ResponseEntity<Map> missing = http.withBasicAuth("auditor", "duban").getForEntity("/api/evidence/no-such-id", Map.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) missing.getBody().get("detail")).isEqualTo("evidence no-such-id does not exist");
        assertThat(status("health", "/api/evidence/no-such-id/ref")).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void auditors_and_evaluators_may_not_upload_and_strangers_must_sign_in() {
        long before = rows();

        assertThat(upload("auditor", "a.pdf", pdf()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(upload("evaluator", "a.pdf", pdf()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/evidence/any", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void refused_uploads_say_why_and_store_nothing() {
        long before = rows();

        assertRefused(upload("health", "setup.exe", windowsProgram()), HttpStatus.BAD_REQUEST, "setup.exe",
                "setup.exe: files of type .exe are not accepted. Accepted are PDF (.pdf), JPEG (.jpg, .jpeg), PNG (.png), "
                        + "Word (.docx), Excel (.xlsx), OFD (.ofd), plain text in UTF-8 (.txt), up to 10 MB.");
        assertRefused(upload("health", "fake.pdf", png()), HttpStatus.BAD_REQUEST, "fake.pdf",
                "fake.pdf: the name says PDF (.pdf) but the content is a PNG image.");
        assertRefused(upload("supervisor", "empty.pdf", new byte[0]), HttpStatus.BAD_REQUEST, "empty.pdf",
                "empty.pdf: the file is empty.");
        assertRefused(upload("health", "report.docx", zip(Map.of("notes.txt", text("x")))), HttpStatus.BAD_REQUEST,
                "report.docx", "the content is a zip archive that is not a Word, Excel or OFD document");
        assertRefused(upload("admin", "notes.txt", text("进展\u0000")), HttpStatus.BAD_REQUEST, "notes.txt",
                "a NUL byte at offset 6");
        assertRefused(upload("health", "scan.pdf", Arrays.copyOf(pdf(), 10 * 1024 * 1024 + 1)),
                HttpStatus.PAYLOAD_TOO_LARGE, "scan.pdf",
                "scan.pdf: the file is 10.0 MB (10485761 bytes); the largest evidence file accepted is 10 MB.");

        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void the_api_is_documented() {
        Map openApi = http.getForObject("/v3/api-docs", Map.class);
        assertThat((Map<String, Object>) openApi.get("paths"))
                .containsKeys("/api/evidence", "/api/evidence/{evidenceId}", "/api/evidence/{evidenceId}/ref");
        Map download = (Map) ((Map) ((Map) openApi.get("paths")).get("/api/evidence/{evidenceId}")).get("get");
        assertThat((List<Map>) download.get("parameters")).extracting(p -> p.get("name")).containsExactly("evidenceId");
    }

    @Test
    void an_upload_without_the_file_field_names_it() {
        ResponseEntity<Map> response = http.withBasicAuth("health", "duban").postForEntity("/api/evidence",
                new HttpEntity<>(new LinkedMultiValueMap<>(
                        Map.of("other", List.of("x"))), multipart()), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail")).contains("part file is required");
    }

    @Test
    void a_report_can_check_the_evidence_it_cites() {
        EvidenceRef cited = ref(upload("health", "photo.png", png()).getBody());
        DubanUser health = new DubanUser("health", "-", "health", "区卫生健康委", Role.UNIT_USER);
        String task = "a-task-of-health";

        assertThat(store.verify(List.of(new EvidenceRef(cited.evidenceId(), "renamed.png", 0, cited.sha256(), null)),
                task, health)).containsExactly(cited);
        assertThatThrownBy(() -> store.verify(List.of(new EvidenceRef(cited.evidenceId(), cited.fileName(),
                cited.size(), FileBytes.sha256(pdf()), cited.mediaType())), task, health))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("evidence[0]: evidence " + cited.evidenceId() + " (photo.png) has SHA-256 " + cited.sha256()
                        + ", not " + FileBytes.sha256(pdf()));
        assertThatThrownBy(() -> store.verify(List.of(cited, new EvidenceRef("gone", "x.pdf", 1, cited.sha256(), null)),
                task, health)).hasMessage("evidence[1]: evidence gone does not exist; upload the file first");
        assertThatThrownBy(() -> store.verify(List.of(cited, cited), task, health))
                .hasMessage("evidence[1]: evidence " + cited.evidenceId() + " is listed more than once");
        assertThatThrownBy(() -> store.verify(Collections.nCopies(Limits.EVIDENCE_FILES + 1, cited), task, health))
                .hasMessage("evidence: 51 files are cited; at most " + Limits.EVIDENCE_FILES + " are accepted");
        // another unit learns neither the name nor the fingerprint of a file it may not cite
        DubanUser market = new DubanUser("market", "-", "market", "区市场监管局", Role.UNIT_USER);
        assertThatThrownBy(() -> store.verify(List.of(new EvidenceRef(cited.evidenceId(), "guessed.png", 1, FileBytes.sha256(pdf()), null)),
                task, market))
                .hasMessage("evidence[0]: evidence " + cited.evidenceId() + " was uploaded by another unit and is not "
                        + "cited in task a-task-of-health; a report or contribution cites the files of its own unit and "
                        + "files already cited in the same task's reports and contributions");
    }

    @Test
    void active_content_polyglots_zip_bombs_and_bad_names_are_refused_over_http_and_store_nothing() throws IOException {
        long before = rows();
        EventMark events = EventMark.now(jdbc);
        String script = "1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >> endobj\n";
        byte[] scripted = new String(pdf(), StandardCharsets.ISO_8859_1).replace(
                "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n", script).getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(upload("health", "report.pdf", scripted), HttpStatus.BAD_REQUEST, "report.pdf",
                "report.pdf: the PDF holds JavaScript (/JavaScript), which a browser or PDF reader could run");
        assertRefused(upload("health", "photo.png", concat(png(), text("<script>alert(1)</script>"))),
                HttpStatus.BAD_REQUEST, "photo.png", "the PNG is also a web page or script (a polyglot): it holds <script…");
        assertRefused(upload("health", "notes.txt", text("<html><body>进展</body></html>")), HttpStatus.BAD_REQUEST,
                "notes.txt", "the text is a web page or script: it holds <html…");
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write(new byte[64 * 1024 * 1024]);
        }
        assertRefused(upload("health", "report.docx", bomb.toByteArray()), HttpStatus.BAD_REQUEST, "report.docx",
                "it looks like a zip bomb");
        // Tomcat refuses a NUL byte while parsing the upload, before the evidence check; the answer is still a 400
        ResponseEntity<Map> nul = upload("health", "report\u0000.pdf", pdf());
        assertThat(nul.getStatusCode()).as("%s", nul.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nul.getHeaders().getContentType()).matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat((String) nul.getBody().get("detail")).isEqualTo("the file name holds the control character U+0000 "
                + "(a NUL byte), which no file name may; rename the file");
        assertRefused(upload("health", "report\n.pdf", pdf()), HttpStatus.BAD_REQUEST, "report.pdf",
                "report.pdf: the file name holds the control character U+000A, which no file name may; rename the file.");
        String tooLong = "a".repeat(Limits.FILE_NAME) + ".pdf";
        assertRefused(upload("health", tooLong, pdf()), HttpStatus.BAD_REQUEST, "a".repeat(40) + "…",
                "the file name is " + tooLong.length() + " characters long; at most " + Limits.FILE_NAME + " are accepted");

        assertThat(rows()).isEqualTo(before);
        assertThat(events.eventsByPeople()).isZero();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void the_content_is_stored_in_the_row_as_bytea_on_postgres() {
        if (TestDatabases.postgres()) {
            assertThat(jdbc.queryForObject("select data_type from information_schema.columns "
                    + "where table_schema = 'public' and table_name = 'evidence' and column_name = 'content'", String.class))
                    .isEqualTo("bytea");
            uploadedPdf();
            assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
        } else {
            assertThat(jdbc.queryForObject("select data_type from information_schema.columns "
                    + "where table_name = 'EVIDENCE' and column_name = 'CONTENT'", String.class))
                    .isEqualTo("BINARY LARGE OBJECT");
        }
    }

    private String uploadedPdf() {
        ResponseEntity<Map> uploaded = upload("health", NAME, pdf());
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) uploaded.getBody().get("evidenceId");
    }

    private ResponseEntity<Map> upload(String user, String fileName, byte[] content) {
        return Uploads.post(http, user, "/api/evidence", fileName, content, Map.of());
    }

    private HttpStatus status(String user, String path) {
        return HttpStatus.valueOf(http.withBasicAuth(user, "duban").getForEntity(path, byte[].class).getStatusCode().value());
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from evidence", Long.class);
    }

    private static HttpHeaders multipart() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return headers;
    }

    private static EvidenceRef ref(Map body) {
        return new EvidenceRef((String) body.get("evidenceId"), (String) body.get("fileName"),
                ((Number) body.get("size")).longValue(), (String) body.get("sha256"), (String) body.get("mediaType"));
    }

    private static void assertRefused(ResponseEntity<Map> response, HttpStatus status, String file, String detail) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(status);
        assertThat(response.getBody()).containsEntry("file", file).containsEntry("maxFileSize", "10 MB");
        assertThat((String) response.getBody().get("detail")).contains(detail);
        assertThat((List<Object>) response.getBody().get("accepted")).contains(".pdf", ".ofd", ".txt");
    }
}
