package org.duban.app.audit.trail;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PlanTrees;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * The audit trail of a plan at work: every event is in it, with who, unit, role, why, the process step and each
 * field changed, before → after; it filters by plan, task, unit, user, event type and time, pages, and exports the
 * same selection as .csv and .xlsx. Auditors and administrators read it; nobody else, and an auditor changes nothing.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class AuditTrailIT {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    private String planId;
    private String taskId;
    private Instant beforePublication;
    private Instant beforeSubmission;

    @BeforeAll
    void aQuarterOfWork() {
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        beforePublication = pause();
        call("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-request", Map.of());
        call("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-approval", Map.of());
        Map tree = call("supervisor", HttpMethod.GET, "/api/plans/" + planId + "/tree", null);
        taskId = (String) PlanTrees.ledBy(tree, "区卫生健康委").get(0).get("taskId");
        String adjustment = (String) call("health", HttpMethod.POST, "/api/tasks/" + taskId + "/adjustment-requests",
                Map.of("kind", "DUE_DATE", "proposal", "2026-12-31", "reason", "用地审批延后")).get("adjustmentId");
        call("supervisor", HttpMethod.POST, "/api/tasks/" + taskId + "/adjustment-requests/" + adjustment + "/decision",
                Map.of("approved", true, "reason", "同意延期"));
        call("health", HttpMethod.POST, "/api/tasks/" + taskId + "/acknowledgement", Map.of());
        call("supervisor", HttpMethod.PUT, "/api/plans/" + planId + "/reporting-cadence", Map.of("cadence", "QUARTERLY"));
        call("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4"));
        String q4 = "/api/tasks/" + taskId + "/reports/2026-Q4";
        call("health", HttpMethod.PUT, q4 + "/draft", Map.of("narrative", "完成选址", "status", "IN_PROGRESS", "percent", 20));
        call("health", HttpMethod.PUT, q4 + "/draft", Map.of("narrative", "完成选址和立项", "status", "IN_PROGRESS", "percent", 30));
        beforeSubmission = pause();
        call("health", HttpMethod.POST, q4 + "/submission", Map.of("narrative", "完成选址和立项", "status", "IN_PROGRESS", "percent", 30));
        call("supervisor", HttpMethod.POST, q4 + "/review", Map.of("accepted", false, "reason", "=缺少立项批复"));
    }

    /** A moment strictly between the events before and after it. */
    private static Instant pause() {
        try {
            Thread.sleep(20);
            Instant now = Instant.now();
            Thread.sleep(20);
            return now;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void every_stored_event_is_in_the_trail_once() {
        long stored = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(page("").get("total")).isEqualTo((int) stored);
        assertThat(jdbc.queryForObject("select count(*) from audit_event", Long.class)).isEqualTo(stored);
    }

    @Test
    void a_task_trail_tells_who_when_why_through_which_step_and_what_changed() {
        List<Map> events = entries(page("subject=TASK&id=" + taskId + "&oldestFirst=true&size=100"));
        assertThat(events).extracting(e -> e.get("eventType")).containsExactly("TaskCreated", "TaskAssigned",
                "TaskAdjustmentRequested", "TaskAdjustmentApproved", "TaskDueDateAdjusted", "TaskAcknowledged",
                "ReportingPeriodOpened", "ReportDrafted", "ReportDrafted", "ReportSubmitted", "ReportReturned",
                "TaskStatusChanged");
        Map returned = events.get(10);
        assertThat(returned).containsEntry("actorUser", "supervisor").containsEntry("actorUnit", "区政府督查室")
                .containsEntry("actorRole", "SUPERVISOR").containsEntry("reason", "=缺少立项批复")
                .containsEntry("planId", planId).containsEntry("taskId", taskId);
        assertThat(returned.get("processInstanceId")).isNotNull();
        assertThat(returned.get("userTaskId")).isNotNull();
        // the second draft changed the narrative and the percentage, and nothing else of the report
        assertThat((List<Map>) events.get(8).get("changes")).extracting(c -> c.get("field"), c -> c.get("before"),
                c -> c.get("after")).contains(
                org.assertj.core.groups.Tuple.tuple("content.narrative", "完成选址", "完成选址和立项"),
                org.assertj.core.groups.Tuple.tuple("content.percent", "20", "30"))
                .noneMatch(change -> change.toList().get(0).equals("content.status"));
        assertThat((List<Map>) events.get(3).get("changes")).anySatisfy(change ->
                assertThat(change).containsEntry("field", "reason").containsEntry("after", "同意延期"));
    }

    @Test
    void the_trail_filters_by_plan_unit_user_event_type_and_time_and_pages() {
        Map plan = page("subject=PLAN&id=" + planId + "&size=10");
        assertThat((int) plan.get("total")).isGreaterThan(94 + 12);
        assertThat(entries(plan)).hasSize(10).allSatisfy(e -> assertThat(e).containsEntry("planId", planId));
        Map second = page("subject=PLAN&id=" + planId + "&size=10&page=1");
        assertThat(entries(second)).extracting(e -> e.get("eventId"))
                .doesNotContainAnyElementsOf(entries(plan).stream().map(e -> e.get("eventId")).toList());

        // other tests share this database: a user's trail holds only what that user did, of this plan and others
        assertThat(entries(page("subject=USER&id=health&size=500"))).isNotEmpty()
                .allSatisfy(e -> assertThat(e).containsEntry("actorUser", "health"));
        assertThat(entries(page("subject=PLAN&id=" + planId + "&actor=health&size=100"))).extracting(e -> e.get("eventType"))
                .containsExactlyInAnyOrder("TaskAdjustmentRequested", "TaskAcknowledged", "ReportDrafted",
                        "ReportDrafted", "ReportSubmitted");
        // a unit by its name: what it did and what names it (its tasks' creation as lead or co-unit)
        List<Map> unit = entries(page("subject=UNIT&id=区卫生健康委&size=500"));
        assertThat(unit).extracting(e -> e.get("eventType")).contains("TaskCreated", "TaskAcknowledged", "ReportSubmitted");
        assertThat(entries(page("subject=PLAN&id=" + planId + "&eventType=ReportReturned"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("taskId", taskId));
        assertThat(page("from=2020-01-01&to=2020-12-31").get("total")).isEqualTo(0);
        // eleven events of the task's course and the change of its on-schedule status that the return caused
        assertThat(page("subject=TASK&id=" + taskId + "&to=2099-01-01").get("total")).isEqualTo(12);
    }

    @Test
    void the_exports_hold_the_same_selection_in_order() throws IOException {
        String filter = "subject=TASK&id=" + taskId;
        ResponseEntity<byte[]> csv = http.withBasicAuth("auditor", "duban")
                .getForEntity("/api/audit/events/export.csv?" + filter, byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("审计记录-audit-trail.csv");
        String text = new String(csv.getBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertThat(rows).hasSize(12);
        assertThat(rows.get(0).get("事件类型 Event type")).isEqualTo("TaskCreated");
        assertThat(rows.get(11).get("事件类型 Event type")).isEqualTo("TaskStatusChanged");
        CSVRecord returned = rows.get(10);
        assertThat(returned.get("事件 Event")).isEqualTo("退回");
        // a reason that looks like a formula is written inert
        assertThat(returned.get("理由 Reason")).isEqualTo("'=缺少立项批复");
        assertThat(rows.get(8).get("变更 Changes (before → after)")).contains("content.narrative: 完成选址 → 完成选址和立项");

        ResponseEntity<byte[]> xlsx = http.withBasicAuth("admin", "duban")
                .getForEntity("/api/audit/events/export.xlsx?" + filter, byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(12);
            assertThat(sheet.getRow(11).getCell(2).getStringCellValue()).isEqualTo("ReportReturned");
            assertThat(sheet.getRow(11).getCell(6).getStringCellValue()).isEqualTo("=缺少立项批复");
        }
    }

    @Test
    void only_auditors_and_administrators_read_it_and_an_auditor_changes_nothing() {
        for (String user : List.of("health", "supervisor", "evaluator")) {
            assertThat(http.withBasicAuth(user, "duban").getForEntity("/api/audit/events", Map.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(http.withBasicAuth(user, "duban").getForEntity("/api/audit/events/export.csv", byte[].class)
                    .getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        String q4 = "/api/tasks/" + taskId + "/reports/2026-Q4";
        assertThat(http.withBasicAuth("auditor", "duban").exchange(q4 + "/review", HttpMethod.POST,
                new HttpEntity<>(Map.of("accepted", true)), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("auditor", "duban").exchange("/api/plans/" + planId + "/reporting-cadence",
                HttpMethod.PUT, new HttpEntity<>(Map.of("cadence", "MONTHLY")), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // whatever an endpoint's own checks say: no request of an auditor that could change something gets through
        assertThat(http.withBasicAuth("auditor", "duban").exchange("/api/audit/events", HttpMethod.POST,
                new HttpEntity<>(Map.of()), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("auditor", "duban").exchange("/api/tasks/" + taskId + "/co-unit-confirmation",
                HttpMethod.POST, new HttpEntity<>(Map.of()), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class)).isEqualTo(before);
    }

    @Test
    void a_task_as_of_a_moment_before_its_last_report_and_the_export_holds_the_event_that_changed_it() throws IOException {
        Map now = call("health", HttpMethod.GET, "/api/tasks/" + taskId, null);
        assertThat(((List<Map>) now.get("reports")).get(0)).containsEntry("status", "RETURNED");

        Map then = call("health", HttpMethod.GET, "/api/tasks/" + taskId + "?asOf=" + beforeSubmission, null);
        Map reportThen = ((List<Map>) then.get("reports")).get(0);
        assertThat(reportThen).containsEntry("status", "DRAFTED").containsEntry("round", 0);
        assertThat((List) reportThen.get("rounds")).isEmpty();
        assertThat(((Map) reportThen.get("draft"))).containsEntry("narrative", "完成选址和立项");
        assertThat((List<Map>) then.get("timeline")).extracting(e -> e.get("eventType")).last().isEqualTo("ReportDrafted");
        assertThat(((Map) then.get("summary"))).containsEntry("status", "ACKNOWLEDGED");
        // the replay changed nothing: the present is as it was
        assertThat(call("health", HttpMethod.GET, "/api/tasks/" + taskId, null)).isEqualTo(now);

        // what changed it after that moment: the submission, then the return
        ResponseEntity<byte[]> csv = http.withBasicAuth("auditor", "duban").getForEntity(
                "/api/audit/events/export.csv?subject=TASK&id={id}&from={from}", byte[].class, taskId, beforeSubmission.toString());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(csv.getBody(), StandardCharsets.UTF_8).substring(1))).getRecords();
        assertThat(rows).extracting(row -> row.get("事件类型 Event type")).containsExactly("ReportSubmitted", "ReportReturned",
                "TaskStatusChanged");
        assertThat(rows.get(0).get("操作人 User")).isEqualTo("health");

        // the plan then: a draft before publication, and its task reports as of the submission
        assertThat(call("auditor", HttpMethod.GET, "/api/plans/" + planId + "/as-of?asOf=" + beforePublication, null))
                .containsEntry("status", "DRAFT");
        Map planThen = call("supervisor", HttpMethod.GET, "/api/plans/" + planId + "/as-of?asOf=" + beforeSubmission, null);
        assertThat(planThen).containsEntry("status", "IN_EXECUTION");
        assertThat((List<Map>) planThen.get("tasks")).hasSize(94).filteredOn(t -> t.get("taskId").equals(taskId))
                .singleElement().satisfies(t -> assertThat(((List<Map>) t.get("reports")).get(0))
                        .containsEntry("status", "DRAFTED"));
        assertThat(http.withBasicAuth("health", "duban").getForEntity("/api/plans/" + planId + "/as-of?asOf=2026-10-01",
                Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("auditor", "duban").getForEntity("/api/tasks/" + taskId + "?asOf=2020-01-01",
                Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_bad_filter_is_a_400_that_names_it() {
        ResponseEntity<Map> badDay = http.withBasicAuth("auditor", "duban")
                .getForEntity("/api/audit/events?from=2026-13-01", Map.class);
        assertThat(badDay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) badDay.getBody().get("detail")).contains("from").contains("2026-13-01");
        ResponseEntity<Map> badSubject = http.withBasicAuth("auditor", "duban")
                .getForEntity("/api/audit/events?subject=PLANET&id=x", Map.class);
        assertThat(badSubject.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) badSubject.getBody().get("detail")).contains("subject").contains("PLANET");
        assertThat(http.withBasicAuth("auditor", "duban").getForEntity("/api/audit/events?subject=TASK", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private Map page(String query) {
        return call("auditor", HttpMethod.GET, "/api/audit/events?" + query, null);
    }

    private static List<Map> entries(Map page) {
        return (List<Map>) page.get("entries");
    }

    private Map call(String user, HttpMethod method, String path, Map body) {
        ResponseEntity<Map> response = http.withBasicAuth(user, "duban").exchange(path, method,
                body == null ? null : new HttpEntity<>(body), Map.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(method + " " + path + " → " + response.getBody()).isTrue();
        return response.getBody();
    }
}
