package org.duban.app.web;

import org.duban.app.reporting.evidence.EvidenceSamples;
import org.duban.app.support.Clients.Answer;
import org.duban.app.support.EventMark;
import org.duban.app.support.Clients;
import org.duban.app.support.DubanIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;

/**
 * Issue 9 (7) and the API's answers outside the controllers: a change under {@code /api} is taken only as JSON (or
 * multipart for uploads, CSV for the calendar) and never from another site, whatever credentials it carries; the
 * refusals, and what the container or Spring Security answer themselves, are problem bodies and change nothing.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRequestsIT {
    private static final String FORM = "application/x-www-form-urlencoded";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Clients clients;
    private String planId;

    @BeforeAll
    void aPlanWaitingForPublication() {
        clients = new Clients(port);
        String csv = """
                一级指标,二级指标,三级指标,具体任务,责任单位
                一、中药产业园区建设工程,（一）建设中药材交易市场,1.建设区级中药材交易市场,建成区级中药材交易市场1个。,区卫生健康委
                """;
        Map<String, String> fields = new LinkedHashMap<>(dazuPlan());
        fields.put("title", "大足区中药产业园区建设任务分解（请求规则测试）");
        fields.put("documentNumber", "大足府办发〔2024〕401号");
        Answer imported = clients.upload("supervisor", "/api/plans/imports", "plan.csv",
                csv.getBytes(StandardCharsets.UTF_8), fields);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        planId = (String) imported.json().get("planId");
    }

    @Test
    void a_cross_site_form_post_with_credentials_changes_nothing() {
        EventMark events = EventMark.now(jdbc);
        long evidence = count("evidence");
        String request = "/api/plans/" + planId + "/publication-request";

        Answer foreignForm = clients.send("supervisor", "POST", request, FORM, "x=1".getBytes(StandardCharsets.UTF_8),
                "Origin", "http://evil.example");
        Answer foreignJson = clients.sendJson("supervisor", "POST", "/api/plans", plan(), "Origin", "http://evil.example");
        Answer otherPort = clients.sendJson("supervisor", "POST", "/api/plans", plan(),
                "Origin", "http://localhost:" + (port + 1));
        Answer nullOrigin = clients.sendJson("supervisor", "POST", "/api/plans", plan(), "Origin", "null");
        Answer fetchMetadata = clients.sendJson("supervisor", "POST", "/api/plans", plan(), "Sec-Fetch-Site", "cross-site");
        Answer foreignUpload = clients.upload("health", "/api/evidence", "进展.pdf", EvidenceSamples.pdf(), Map.of(),
                "Origin", "https://evil.example");

        for (Answer answer : List.of(foreignForm, foreignJson, otherPort, nullOrigin, fetchMetadata, foreignUpload)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat(answer.json()).as(answer.toString()).containsEntry("code", "cross-site");
        }
        assertThat(events.eventsByPeople()).isZero();
        assertThat(count("evidence")).isEqualTo(evidence);
        assertThat(clients.send("supervisor", "GET", "/api/plans/" + planId, null, null).json())
                .containsEntry("status", "DRAFT");
    }

    @Test
    void a_change_in_another_media_type_is_415_naming_what_is_accepted() {
        EventMark events = EventMark.now(jdbc);
        byte[] json = Clients.json(plan()).getBytes(StandardCharsets.UTF_8);

        Answer form = clients.send("supervisor", "POST", "/api/plans", FORM, "title=x".getBytes(StandardCharsets.UTF_8));
        Answer textPlain = clients.send("supervisor", "POST", "/api/plans", "text/plain", json);
        Answer multipart = clients.upload("supervisor", "/api/plans", "plan.json", json, Map.of());
        Answer noType = clients.send("supervisor", "POST", "/api/plans", null, json);
        Answer bodilessForm = clients.send("supervisor", "POST", "/api/plans/" + planId + "/publication-request", FORM,
                new byte[0]);
        Answer jsonEvidence = clients.sendJson("health", "POST", "/api/evidence", Map.of("file", "x"));
        Answer jsonCalendar = clients.sendJson("admin", "PUT", "/api/calendar/2031", Map.of("date", "2031-01-01"));

        for (Answer answer : List.of(form, textPlain, multipart, noType, bodilessForm)) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(415);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat((String) answer.json().get("detail")).as(answer.toString()).contains("application/json");
            assertThat(answer.json().get("accepted")).isEqualTo(List.of("application/json"));
        }
        assertThat(jsonEvidence.status()).as(jsonEvidence.toString()).isEqualTo(415);
        assertThat((String) jsonEvidence.json().get("detail")).contains("multipart/form-data");
        assertThat(jsonCalendar.status()).as(jsonCalendar.toString()).isEqualTo(415);
        assertThat((String) jsonCalendar.json().get("detail")).contains("text/csv");
        assertThat(events.eventsByPeople()).isZero();
    }

    @Test
    void json_from_the_same_origin_uploads_calendars_and_bodiless_posts_still_work() {
        Answer created = clients.sendJson("supervisor", "POST", "/api/plans", plan(), "Origin", clients.origin(),
                "Sec-Fetch-Site", "same-origin");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String plan = (String) created.json().get("planId");
        Answer charset = clients.send("supervisor", "POST", "/api/plans", "application/json; charset=UTF-8",
                Clients.json(plan()).getBytes(StandardCharsets.UTF_8));
        assertThat(charset.status()).as(charset.toString()).isEqualTo(201);

        Answer requested = clients.send("supervisor", "POST", "/api/plans/" + plan + "/publication-request", null, null);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(202);

        Answer uploaded = clients.upload("health", "/api/evidence", "进展.pdf", EvidenceSamples.pdf(), Map.of(),
                "Origin", clients.origin());
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);

        Answer calendar = clients.send("admin", "PUT", "/api/calendar/2031", "text/csv; charset=UTF-8",
                "date,kind,name\n2031-01-01,HOLIDAY,元旦\n".getBytes(StandardCharsets.UTF_8));
        assertThat(calendar.status()).as(calendar.toString()).isEqualTo(200);
    }

    @Test
    void security_and_routing_refusals_are_problem_bodies() {
        Answer anonymous = clients.send(null, "GET", "/api/plans", null, null);
        Answer wrongPassword = clients.send("nobody", "GET", "/api/plans", null, null);
        Answer auditorWrites = clients.sendJson("auditor", "POST", "/api/plans", plan());
        Answer unitCreatesPlan = clients.sendJson("health", "POST", "/api/plans", plan());
        Answer nothingThere = clients.send("health", "GET", "/api/no-such-thing", null, null);
        Answer wrongMethod = clients.send("health", "DELETE", "/api/plans/" + planId, null, null);
        Answer badJson = clients.send("supervisor", "POST", "/api/plans", "application/json",
                "{\"title\":".getBytes(StandardCharsets.UTF_8));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(auditorWrites.status()).isEqualTo(403);
        assertThat(unitCreatesPlan.status()).isEqualTo(403);
        assertThat(nothingThere.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(badJson.status()).isEqualTo(400);
        for (Answer answer : List.of(anonymous, wrongPassword, auditorWrites, unitCreatesPlan, nothingThere, wrongMethod,
                badJson)) {
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        }
    }

    /** What Tomcat refuses before any filter or servlet: a 4xx with a problem body all the same. */
    @Test
    void malformed_requests_are_4xx_with_problem_bodies() throws IOException {
        String credentials = Base64.getEncoder().encodeToString("supervisor:duban".getBytes(StandardCharsets.UTF_8));
        List<String> requests = List.of(
                "GET /api/plans/%zz HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                        + "\r\nConnection: close\r\n\r\n",
                "POST /api/plans HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                        + "\r\nContent-Type: application/json\r\nContent-Length: abc\r\nConnection: close\r\n\r\n{}",
                "GET /api/plans HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000)
                        + "\r\nConnection: close\r\n\r\n",
                "POST /api/evidence HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                        + "\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 18\r\nConnection: close"
                        + "\r\n\r\n--b\r\nbroken no end");
        for (String request : requests) {
            String answer = raw(request);
            System.out.println("[malformed] " + request.lines().findFirst().orElseThrow() + " -> "
                    + answer.replace("\r\n", " | ").substring(0, Math.min(400, answer.length())));
            assertThat(answer).startsWith("HTTP/1.1 4").contains("Content-Type: application/problem+json")
                    .contains("\"status\":" + answer.substring(9, 12));
        }
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                in.transferTo(answer);
            } catch (java.net.SocketTimeoutException | java.net.SocketException e) {
                // what arrived before the server stopped answering is enough
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> plan() {
        return Map.of("title", "请求规则测试规划", "documentNumber", "大足府办发〔2024〕402号", "issuer", "重庆市大足区人民政府办公室",
                "startYear", 2024, "endYear", 2027);
    }

    private long count(String table) {
        return Objects.requireNonNull(jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
}
