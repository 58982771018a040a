package org.duban.app.support;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploading files as a browser form would: plan tables to {@code POST /api/plans/imports}, evidence. */
public final class Uploads {
    private Uploads() {
    }

    /** The Dazu document's metadata, as the import form asks for it. */
    public static Map<String, String> dazuPlan() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "大足区贯彻落实《重庆市中医药振兴发展规划实施方案（2023—2027年）》任务分解");
        fields.put("documentNumber", "大足府办发〔2024〕113号");
        fields.put("issuer", "重庆市大足区人民政府办公室");
        fields.put("issueDate", "2024-11-27");
        fields.put("startYear", "2024");
        fields.put("endYear", "2027");
        fields.put("jurisdiction", "大足区");
        return fields;
    }

    @SuppressWarnings("rawtypes")
    public static ResponseEntity<Map> upload(TestRestTemplate http, String user, String fileName, byte[] content,
                                             Map<String, String> fields) {
        return post(http, user, "/api/plans/imports", fileName, content, fields);
    }

    /** A multipart form with the file in field {@code file}, posted by {@code user} (password {@code duban}). */
    @SuppressWarnings("rawtypes")
    public static ResponseEntity<Map> post(TestRestTemplate http, String user, String path, String fileName,
                                           byte[] content, Map<String, String> fields) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        fields.forEach(body::add);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, "duban").postForEntity(path, new HttpEntity<>(body, headers), Map.class);
    }

    /** The Dazu plan uploaded by the supervisor, its publication requested and approved; answers the plan's id. */
    @SuppressWarnings("rawtypes")
    public static String publishedDazuPlan(TestRestTemplate http) {
        String planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        var supervisor = http.withBasicAuth("supervisor", "duban");
        supervisor.exchange("/api/plans/" + planId + "/publication-request", HttpMethod.POST,
                new HttpEntity<>(Map.of()), Map.class);
        assertThat(supervisor.exchange("/api/plans/" + planId + "/publication-approval", HttpMethod.POST,
                new HttpEntity<>(Map.of()), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        return planId;
    }

    public static byte[] sample(String name) {
        try (InputStream in = Uploads.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
