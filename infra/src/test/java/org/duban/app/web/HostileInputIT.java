package org.duban.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.duban.api.Limits;
import org.duban.app.support.EventMark;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PlanTrees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.upload;

/**
 * The hostile but fair user: hundreds of malformed, over-long, out-of-range and ill-typed requests and files against
 * every endpoint that changes something. Each must be answered with a 4xx and a problem body that says what was
 * wrong, and must store no event. No input may produce a 5xx.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class HostileInputIT {
    private static final String PERIOD = "2026-Q4";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Texts that no field may take, whatever its limit: control characters and a broken surrogate pair. */
    private static final Map<String, String> POISON = ordered(
            "a NUL byte", "进展\u0000正常",
            "a bell character", "进展\u0007正常",
            "an escape character", "\u001b[31m进展",
            "a vertical tab", "进展\u000b正常",
            "a DEL character", "进展\u007f正常",
            "a lone surrogate", "进展\ud800正常");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> ids = new LinkedHashMap<>();

    /** A request as it goes over the wire: who, how, where, with which content type and bytes. */
    record Attempt(String user, String method, String path, String contentType, byte[] body) {
    }

    @BeforeAll
    void aPlanWithATaskWaitingAtEachStep() {
        String csv = """
                一级指标,二级指标,三级指标,具体任务,责任单位
                一、中医药服务体系,（一）建设中医医院,1.提升区中医院,做大做强区中医院。,区卫生健康委、区市场监管局
                "",,2.建设基层中医馆,建设基层中医馆5个。,区卫生健康委、区市场监管局
                """;
        ResponseEntity<Map> imported = upload(http, "supervisor", "hostile.csv", csv.getBytes(StandardCharsets.UTF_8),
                dazuPlan());
        assertThat(imported.getStatusCode().value()).as(String.valueOf(imported.getBody())).isEqualTo(201);
        String planId = (String) imported.getBody().get("planId");
        ids.put("plan", planId);
        ids.put("draft", (String) upload(http, "supervisor", "draft.csv", csv.getBytes(StandardCharsets.UTF_8),
                dazuPlan()).getBody().get("planId"));
        ok("supervisor", "POST", "/api/plans/" + planId + "/publication-request", null);
        ok("supervisor", "POST", "/api/plans/" + planId + "/publication-approval", null);
        List<Map> tasks = PlanTrees.allTasks(http.withBasicAuth("supervisor", "duban")
                .getForObject("/api/plans/" + planId + "/tree", Map.class));
        assertThat(tasks).hasSize(2);
        ids.put("A", (String) tasks.get(0).get("taskId"));
        ids.put("B", (String) tasks.get(1).get("taskId"));
        ok("health", "POST", "/api/tasks/" + ids.get("A") + "/acknowledgement", null);
        ok("supervisor", "PUT", "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3));
        ok("supervisor", "POST", "/api/plans/" + planId + "/reporting-periods", Map.of("period", PERIOD));
        Map evidence = (Map) http.withBasicAuth("health", "duban").postForObject("/api/evidence",
                multipartEntity("进展.txt", "区中医院项目已开工。".getBytes(StandardCharsets.UTF_8)), Map.class);
        ids.put("evidence", (String) evidence.get("evidenceId"));
        ids.put("sha", (String) evidence.get("sha256"));
    }

    static Stream<Arguments> hostile() {
        List<Arguments> cases = new ArrayList<>();
        String plans = "/api/plans";
        String task = "/api/tasks/{A}";
        String report = task + "/reports/" + PERIOD;
        Map<String, Object> plan = Map.of("title", "重庆市中医药振兴发展规划", "issuer", "重庆市人民政府办公厅",
                "documentNumber", "渝府办发〔2023〕102号", "startYear", 2023, "endYear", 2027);
        Map<String, Object> content = Map.of("narrative", "完成主体结构", "status", "IN_PROGRESS", "percent", 60,
                "difficulties", "用地未落实", "nextSteps", "完成验收");

        // every text field of every command, over its limit, far over it, and poisoned
        textFields(cases, "supervisor", "POST", plans, plan, Map.of("title", Limits.TITLE, "issuer", Limits.NAME,
                "documentNumber", Limits.NAME, "supervisingOffice", Limits.NAME));
        textFields(cases, "health", "POST", "/api/tasks/{B}/adjustment-requests",
                Map.of("kind", "TEXT", "proposal", "调整任务内容", "reason", "职责调整"),
                Map.of("proposal", Limits.REASON, "reason", Limits.REASON));
        textFields(cases, "health", "POST", report + "/submission", content, Map.of("narrative", Limits.NARRATIVE,
                "difficulties", Limits.NARRATIVE, "nextSteps", Limits.NARRATIVE));
        textFields(cases, "health", "PUT", report + "/draft", content, Map.of("narrative", Limits.NARRATIVE,
                "difficulties", Limits.NARRATIVE, "nextSteps", Limits.NARRATIVE));
        textFields(cases, "market", "POST", report + "/contributions", Map.of("text", "已开展联合检查"),
                Map.of("text", Limits.NARRATIVE));
        textFields(cases, "supervisor", "POST", report + "/reminders", Map.of("note", "请按时报送"),
                Map.of("note", Limits.REASON));
        textFields(cases, "admin", "PUT", "/api/plans/{draft}/supervising-office",
                Map.of("office", "市政府督查办", "reason", "移交"), Map.of("office", Limits.NAME, "reason", Limits.REASON));

        // lists over their limits, and the indicator values themselves
        Function<Integer, List<Map<String, Object>>> values = n -> IntStream.range(0, n)
                .mapToObj(i -> Map.<String, Object>of("indicatorId", "i-" + i, "value", "12")).toList();
        for (int n : List.of(Limits.INDICATOR_VALUES + 1, 50_000)) {
            for (String step : List.of("/submission", "/draft")) {
                Map<String, Object> body = new LinkedHashMap<>(content);
                body.put("indicatorValues", values.apply(n));
                cases.add(json(n + " indicator values in " + step, "health", step.equals("/draft") ? "PUT" : "POST",
                        report + step, body));
            }
        }
        for (String value : List.of("x".repeat(Limits.VALUE + 1), "", "12\u0000", "\ud800")) {
            Map<String, Object> body = new LinkedHashMap<>(content);
            body.put("indicatorValues", List.of(Map.of("indicatorId", "i-1", "value", value)));
            cases.add(json("indicator value of " + value.length() + " characters", "health", "POST",
                    report + "/submission", body));
        }
        Map<String, Object> ref = Map.of("evidenceId", "{evidence}", "fileName", "进展.txt", "size", 30,
                "sha256", "{sha}", "mediaType", "text/plain");
        for (String step : List.of("/submission", "/contributions")) {
            String user = step.equals("/submission") ? "health" : "market";
            Map<String, Object> base = step.equals("/submission") ? content : Map.of("text", "已开展联合检查");
            Map<String, Object> many = new LinkedHashMap<>(base);
            many.put("evidence", Collections.nCopies(Limits.EVIDENCE_FILES + 1, ref));
            cases.add(json("51 evidence files in " + step, user, "POST", report + step, many));
            for (Map.Entry<String, Object> bad : ordered(
                    "fileName", "x".repeat(Limits.FILE_NAME + 1), "evidenceId", "no-such-file",
                    "sha256", "0".repeat(64), "size", -1).entrySet()) {
                Map<String, Object> badRef = new LinkedHashMap<>(ref);
                badRef.put(bad.getKey(), bad.getValue());
                Map<String, Object> body = new LinkedHashMap<>(base);
                body.put("evidence", List.of(badRef));
                cases.add(json("evidence with a bad " + bad.getKey() + " in " + step, user, "POST", report + step, body));
            }
            Map<String, Object> nullRef = new LinkedHashMap<>(base);
            nullRef.put("evidence", Arrays.asList(ref, null));
            cases.add(json("an empty evidence entry in " + step, user, "POST", report + step, nullRef));
        }

        // numbers and enumerations out of range or of the wrong type
        for (Object percent : List.of(-1, 101, 1e12, "六十", true, 60.5, List.of(60))) {
            Map<String, Object> body = new LinkedHashMap<>(content);
            body.put("percent", percent);
            cases.add(json("percent " + percent, "health", "POST", report + "/submission", body));
        }
        for (Object status : List.of("DONE-ISH", "", 3, "in_progress ")) {
            Map<String, Object> body = new LinkedHashMap<>(content);
            body.put("status", status);
            cases.add(json("status " + status, "health", "POST", report + "/submission", body));
        }
        for (Object year : List.of(0, -2023, 1900, 99999, "二〇二三", 2023.5, Long.MAX_VALUE, "")) {
            Map<String, Object> body = new LinkedHashMap<>(plan);
            body.put("startYear", year);
            cases.add(json("plan start year " + year, "supervisor", "POST", plans, body));
        }
        Map<String, Object> backwards = new LinkedHashMap<>(plan);
        backwards.put("endYear", 2020);
        cases.add(json("a plan ending before it starts", "supervisor", "POST", plans, backwards));
        for (Map<String, Object> cadence : List.<Map<String, Object>>of(Map.of("cadence", "WEEKLY"),
                Map.of("cadence", "QUARTERLY", "dueDay", 0), Map.of("cadence", "QUARTERLY", "dueDay", 32),
                Map.of("cadence", "QUARTERLY", "dueDay", -5), Map.of("cadence", "QUARTERLY", "graceWorkingDays", -1),
                Map.of("cadence", "QUARTERLY", "graceWorkingDays", 100_000), Map.of("dueDay", 10),
                Map.of("cadence", ""), Map.of("cadence", 4))) {
            cases.add(json("cadence " + cadence, "supervisor", "PUT", "/api/plans/{plan}/reporting-cadence", cadence));
        }
        for (String period : List.of("9999-Q1", "0000-Q1", "2026-Q5", "2026-M13", "2026-M04", "2026-H3", "2030-Q1",
                "1949-Q1", "二〇二六年第四季度", "2026-Q4\u0000", "x".repeat(1000), "", " ", "../2026-Q4")) {
            cases.add(json("period \"" + abbreviated(period) + "\"", "supervisor", "POST",
                    "/api/plans/{plan}/reporting-periods", Map.of("period", period)));
        }
        for (String date : List.of("1900-01-01", "2099-12-31", "2026-02-30", "2026-13-01", "30/06/2026", "",
                "2026-06-30T00:00:00Z", "+999999999-12-31")) {
            cases.add(json("due date proposal " + date, "health", "POST", "/api/tasks/{B}/adjustment-requests",
                    Map.of("kind", "DUE_DATE", "proposal", date, "reason", "用地审批延后")));
        }
        for (String units : List.of("牵头单位：", "牵头单位：不存在的单位", "配合单位：区财政局",
                "牵头单位：区卫生健康委；配合单位：区卫生健康委")) {
            cases.add(json("units proposal " + units, "health", "POST", "/api/tasks/{B}/adjustment-requests",
                    Map.of("kind", "UNITS", "proposal", units, "reason", "职责调整")));
        }
        for (Object kind : List.of("EVERYTHING", "", 1)) {
            cases.add(json("adjustment kind " + kind, "health", "POST", "/api/tasks/{B}/adjustment-requests",
                    Map.of("kind", kind, "proposal", "x", "reason", "y")));
        }
        for (Object accepted : List.of("maybe", 2, List.of())) {
            cases.add(json("review answer " + accepted, "supervisor", "POST", report + "/review",
                    Map.of("accepted", accepted, "reason", "x")));
        }
        cases.add(json("a review of a report not submitted", "supervisor", "POST", report + "/review",
                Map.of("accepted", true)));
        cases.add(json("a return without a reason", "supervisor", "POST", report + "/review", Map.of("accepted", false)));

        // bodies that are not what they claim to be
        for (String body : List.of("", "{", "[]", "null", "\"x\"", "{\"narrative\":}", "{\"narrative\":\"a\"",
                "\u0000", "{\"narrative\": \"" + "\\u0000" + "\"}", "{" + "\"a\":{".repeat(2000) + "}".repeat(2001))) {
            for (String[] step : List.of(new String[]{"health", "POST", report + "/submission"},
                    new String[]{"supervisor", "POST", plans}, new String[]{"market", "POST", report + "/contributions"})) {
                cases.add(raw("body " + abbreviated(body) + " to " + step[2], new Attempt(step[0], step[1], step[2],
                        "application/json", body.getBytes(StandardCharsets.UTF_8))));
            }
        }
        cases.add(raw("invalid UTF-8 in a JSON body", new Attempt("supervisor", "POST", plans, "application/json",
                new byte[]{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})));

        // ids that do not exist or cannot be ids
        for (String id : List.of("no-such-task", "x".repeat(5000), "%00", "..%2F..%2Fetc", "%E4%BD%A0%E5%A5%BD", "a%20b")) {
            cases.add(json("task id " + abbreviated(id), "health", "POST", "/api/tasks/" + id + "/acknowledgement",
                    Map.of()));
            cases.add(json("plan id " + abbreviated(id), "supervisor", "POST", "/api/plans/" + id + "/closure", Map.of()));
        }
        for (String query : List.of("asOf=yesterday", "asOf=2026-13-01", "asOf=" + "9".repeat(40))) {
            cases.add(raw("task as of " + query, new Attempt("health", "GET", task + "?" + query, null, null)));
        }
        for (String query : List.of("from=tomorrow", "to=2026-02-30", "subject=GALAXY&id=x", "page=-1", "size=-5",
                "size=abc", "page=99999999999")) {
            cases.add(raw("audit filter " + query, new Attempt("auditor", "GET", "/api/audit/events?" + query, null, null)));
        }

        // calendars an administrator uploads
        for (String csv : List.of("date,kind,name\n2028-02-30,HOLIDAY,春节\n", "date,kind,name\n2028-01-01,FEAST,元旦\n",
                "date,kind,name\n2027-01-01,HOLIDAY,元旦\n", "date,kind,name\n2028-01-03,WORKDAY,调休\n",
                "date,kind,name\n2028-01-01,HOLIDAY,元旦\n2028-01-01,HOLIDAY,元旦\n",
                "date,kind,name\n2028-01-01,HOLIDAY," + "节".repeat(Limits.NAME + 1) + "\n",
                "date,kind,name\n2028-01-01,HOLIDAY,元\u0000旦\n", "\u0000\u0001\u0002")) {
            cases.add(raw("calendar " + abbreviated(csv.replace('\n', ' ')), new Attempt("admin", "PUT",
                    "/api/calendar/2028", "text/csv", csv.getBytes(StandardCharsets.UTF_8))));
        }
        cases.add(raw("calendar source over its limit", new Attempt("admin", "PUT", "/api/calendar/2028?source="
                + "x".repeat(Limits.NAME + 1), "text/csv", "date,kind,name\n2028-01-01,HOLIDAY,元旦\n"
                .getBytes(StandardCharsets.UTF_8))));

        // evidence files
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("empty.pdf", new byte[0]);
        files.put("report.exe", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1));
        files.put("fake.pdf", "\u0089PNG\r\n\u001a\n".getBytes(StandardCharsets.ISO_8859_1));
        files.put("report.doc", "\u00d0\u00cf\u0011\u00e0".getBytes(StandardCharsets.ISO_8859_1));
        files.put("gbk.txt", "进展".getBytes(java.nio.charset.Charset.forName("GB18030")));
        files.put("nul.txt", "a\u0000b".getBytes(StandardCharsets.UTF_8));
        files.put("page.txt", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        files.put("script.pdf", ("%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction 2 0 R >> endobj\n"
                + "2 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1));
        files.put("launch.pdf", ("%PDF-1.4\n1 0 obj << /Type /Action /S /Launch /F (cmd.exe) >> endobj\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        files.put("polyglot.pdf", ("%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        files.put("polyglot.jpg", concat(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                "<script>alert(1)</script>".getBytes(StandardCharsets.ISO_8859_1)));
        files.put("bomb.docx", zipBomb());
        files.put("nul\u0000name.pdf", pdf);
        files.put("tab\tname.pdf", pdf);
        files.put("x".repeat(Limits.FILE_NAME + 1) + ".pdf", pdf);
        files.put("../../etc/passwd.pdf", pdf);
        files.put("进".repeat(300) + ".pdf", pdf);
        files.put("", pdf);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            cases.add(raw("evidence file " + abbreviated(file.getKey()), multipart("health", "/api/evidence",
                    file.getKey(), file.getValue(), Map.of())));
        }

        // plan imports
        Map<String, byte[]> tables = new LinkedHashMap<>();
        tables.put("plan.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8));
        tables.put("plan.docx", zipBomb());
        tables.put("plan.pdf", pdf);
        tables.put("plan.csv", new byte[0]);
        tables.put("long.csv", ("一级指标,二级指标,三级指标,具体任务,责任单位\n一、工程,（一）项目,1.子项,"
                + "任".repeat(Limits.TASK_TEXT + 1) + ",区卫生健康委\n").getBytes(StandardCharsets.UTF_8));
        tables.put("unit.csv", ("一级指标,二级指标,三级指标,具体任务,责任单位\n一、工程,（一）项目,1.子项,建设中医馆。,"
                + "单".repeat(Limits.NAME + 1) + "\n").getBytes(StandardCharsets.UTF_8));
        tables.put("section.csv", ("一级指标,二级指标,三级指标,具体任务,责任单位\n一、" + "工".repeat(Limits.TITLE + 1)
                + ",（一）项目,1.子项,建设中医馆。,区卫生健康委\n").getBytes(StandardCharsets.UTF_8));
        tables.put("nul.csv", ("一级指标,二级指标,三级指标,具体任务,责任单位\n一、工程,（一）项目,1.子项,建设\u0000中医馆。,"
                + "区卫生健康委\n").getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            cases.add(raw("plan import " + table.getKey(), multipart("supervisor", "/api/plans/imports", table.getKey(),
                    table.getValue(), dazuPlan())));
        }
        byte[] sample = "一级指标,二级指标,三级指标,具体任务,责任单位\n一、工程,（一）项目,1.子项,建设中医馆。,区卫生健康委\n"
                .getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, Object> field : ordered("title", "标".repeat(Limits.TITLE + 1), "issuer",
                "发".repeat(Limits.NAME + 1), "documentNumber", "号".repeat(Limits.NAME + 1), "startYear", "0",
                "endYear", "99999", "issueDate", "2024-02-30", "jurisdiction", "区".repeat(Limits.NAME + 1),
                "supervisingOffice", "市政府督查办", "parentPlanId", "no-such-plan", "title ", "\u0000").entrySet()) {
            Map<String, String> fields = new LinkedHashMap<>(dazuPlan());
            fields.put(field.getKey().strip(), (String) field.getValue());
            cases.add(raw("plan import with " + field.getKey().strip() + " " + abbreviated((String) field.getValue()),
                    multipart("supervisor", "/api/plans/imports", "plan.csv", sample, fields)));
        }

        // state changes that are not JSON, or come from another site
        for (String type : List.of("application/x-www-form-urlencoded", "text/plain", "application/xml")) {
            cases.add(raw("a " + type + " post", new Attempt("health", "POST", report + "/submission", type,
                    "narrative=x&status=IN_PROGRESS".getBytes(StandardCharsets.UTF_8))));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void is_refused_with_a_4xx_problem_and_stores_nothing(Attempt attempt) throws Exception {
        EventMark before = EventMark.now(jdbc);
        HttpResponse<String> answer = send(attempt);
        assertThat(answer.statusCode()).as(attempt.method() + " " + abbreviated(attempt.path()) + " answered "
                + abbreviated(answer.body())).isBetween(400, 499);
        Map problem = JSON.readValue(answer.body(), Map.class);
        if (attempt.path().equals("/api/plans/imports") && answer.statusCode() == 422) {
            // an import answers with its report, whose errors name the file, table, row and value
            assertThat((List) problem.get("errors")).as("the import report names what was wrong").isNotEmpty();
        } else {
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as("a problem body")
                    .contains("application/problem+json");
            assertThat((String) problem.get("detail")).as("the problem says what was wrong").isNotBlank();
        }
        assertThat(before.eventsByPeople()).as("no event stored").isZero();
    }

    @Test
    void there_are_at_least_three_hundred_cases_and_the_steps_they_aim_at_are_waiting() throws Exception {
        assertThat(hostile().count()).isGreaterThanOrEqualTo(300);
        // a fair request at each step is accepted, so the refusals above are about the input
        Map<String, Object> content = Map.of("narrative", "完成主体结构", "status", "IN_PROGRESS", "percent", 60);
        assertThat(send(json("fair draft", "health", "PUT", "/api/tasks/{A}/reports/" + PERIOD + "/draft", content))
                .statusCode()).isEqualTo(200);
        assertThat(send(json("fair reminder", "supervisor", "POST", "/api/tasks/{A}/reports/" + PERIOD + "/reminders",
                Map.of("note", "请按时报送"))).statusCode()).isBetween(200, 299);
    }

    private static void textFields(List<Arguments> cases, String user, String method, String path,
                                   Map<String, Object> fair, Map<String, Integer> limits) {
        new TreeMap<>(limits).forEach((field, limit) -> {
            Map<String, String> bad = new LinkedHashMap<>();
            bad.put((limit + 1) + " characters", "长".repeat(limit + 1));
            bad.put((limit * 10) + " characters", "长".repeat(limit * 10));
            bad.putAll(POISON);
            bad.forEach((what, value) -> {
                Map<String, Object> body = new LinkedHashMap<>(fair);
                body.put(field, value);
                cases.add(json(field + " with " + what, user, method, path, body));
            });
        });
    }

    private static Arguments json(String name, String user, String method, String path, Object body) {
        try {
            return raw(name, new Attempt(user, method, path, "application/json", JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Arguments raw(String name, Attempt attempt) {
        return Arguments.of(Named.of(attempt.user() + ": " + name, attempt));
    }

    private static Attempt multipart(String user, String path, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "duban-hostile-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Attempt(user, "POST", path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    private HttpEntity<?> multipartEntity(String fileName, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(parts, headers);
    }

    /** A 40 KB .docx whose one part inflates to 1 GiB of zeros: declared sizes tell the truth, the ratio does not. */
    private static byte[] zipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 1024; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private HttpResponse<String> send(Arguments arguments) throws Exception {
        return send((Attempt) ((Named<?>) arguments.get()[0]).getPayload());
    }

    private HttpResponse<String> send(Attempt attempt) throws IOException, InterruptedException {
        String path = attempt.path();
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        byte[] body = attempt.body();
        if (body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            if (text.contains("{evidence}") || text.contains("{sha}")) {
                body = text.replace("{evidence}", ids.get("evidence")).replace("{sha}", ids.get("sha"))
                        .getBytes(StandardCharsets.UTF_8);
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (attempt.user() + ":duban").getBytes(StandardCharsets.UTF_8)))
                .method(attempt.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (attempt.contentType() != null) {
            request.header("Content-Type", attempt.contentType());
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void ok(String user, String method, String path, Object body) {
        try {
            HttpResponse<String> answer = send(new Attempt(user, method, path, body == null ? null : "application/json",
                    body == null ? null : JSON.writeValueAsBytes(body)));
            assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isBetween(200, 299);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pairs in the order given, so that the cases have the same numbers on every run. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> ordered(Object... pairs) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (V) pairs[i + 1]);
        }
        return map;
    }

    private static String abbreviated(String text) {
        String shown = text == null ? "" : text.replace("\u0000", "\\0");
        return shown.length() <= 60 ? shown : shown.substring(0, 57) + "…(" + shown.length() + ")";
    }
}
