package org.duban.app.reporting.evidence;

import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.Uploads;
import org.duban.process.steps.WaitingSteps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.PlanTrees.allTasks;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.upload;

/**
 * Issue 9, finding 5: evidence is cited only where it may be read. {@code market} (区市场监管局) may not read a file of
 * {@code health} (区卫生健康委), so it may not cite it either — in its own report's draft or submission, or in its
 * contribution to a task both share — until the file is cited in that same task. A refused citation stores nothing:
 * no event, no open step taken, and the file stays unreadable to {@code market}.
 *
 * <p>The world: a small plan of 区政府督查室 with three tasks, acknowledged, their 2027-Q4 reports open:
 * SHARED and CITED led by 区卫生健康委 with 区市场监管局 as co-unit, MARKET led by 区市场监管局 with 区卫生健康委.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class EvidenceCitationIT {
    private static final String PERIOD = "2027-Q4";
    private static final String HEALTH = "区卫生健康委";
    private static final String MARKET = "区市场监管局";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WaitingSteps steps;

    private String shared;
    private String cited;
    private String market;

    @BeforeAll
    void aPlanWithTasksOfBothUnitsAndTheirReportsOpen() {
        String csv = """
                一级指标,二级指标,三级指标,具体任务,责任单位
                一、中医药服务监管,（一）联合检查,1.开展联合检查,开展中医医疗机构联合检查。,区卫生健康委、区市场监管局
                "",,2.公示检查结果,公示联合检查结果。,区卫生健康委、区市场监管局
                "",（二）市场秩序,3.整治中药材市场,整治中药材市场秩序。,区市场监管局、区卫生健康委
                """;
        Map<String, String> fields = new LinkedHashMap<>(dazuPlan());
        fields.put("title", "大足区中医药服务联合监管任务分解（佐证引用测试）");
        fields.put("documentNumber", "大足府办发〔2024〕309号");
        ResponseEntity<Map> imported = upload(http, "supervisor", "citations.csv", csv.getBytes(StandardCharsets.UTF_8), fields);
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.CREATED);
        String planId = (String) imported.getBody().get("planId");
        assertThat(send("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-request", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(send("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-approval", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        List<Map> tasks = allTasks(http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree", Map.class));
        assertThat(tasks).hasSize(3);
        shared = (String) tasks.get(0).get("taskId");
        cited = (String) tasks.get(1).get("taskId");
        market = (String) tasks.get(2).get("taskId");
        assertThat(((Map) tasks.get(0).get("leadUnit")).get("name")).isEqualTo(HEALTH);
        assertThat(((Map) tasks.get(2).get("leadUnit")).get("name")).isEqualTo(MARKET);
        for (String[] ack : List.of(new String[]{"health", shared}, new String[]{"health", cited}, new String[]{"market", market})) {
            assertThat(send(ack[0], HttpMethod.POST, "/api/tasks/" + ack[1] + "/acknowledgement", Map.of())
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        assertThat(send("supervisor", HttpMethod.PUT, "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> opened = send("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/reporting-periods",
                Map.of("period", PERIOD));
        assertThat(opened.getBody()).as("%s", opened.getBody()).containsEntry("reports", 3);
    }

    @Test
    void a_unit_may_not_cite_another_units_file_in_its_draft_its_submission_or_its_contribution() {
        Map file = uploadPdf("health", "卫生健康委内部检查记录.pdf");
        String id = (String) file.get("evidenceId");
        assertThat(download("market", id)).isEqualTo(HttpStatus.FORBIDDEN);
        String before = fingerprint();

        String report = "/api/tasks/" + market + "/reports/" + PERIOD;
        assertCiteRefused(send("market", HttpMethod.PUT, report + "/draft", content(file)), id, market);
        assertCiteRefused(send("market", HttpMethod.POST, report + "/submission", content(file)), id, market);
        assertCiteRefused(send("market", HttpMethod.POST, "/api/tasks/" + shared + "/reports/" + PERIOD + "/contributions",
                Map.of("text", "已配合检查", "evidence", List.of(file))), id, shared);

        assertThat(fingerprint()).isEqualTo(before);
        assertThat(download("market", id)).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status("market", "/api/evidence/" + id + "/ref")).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_file_cited_in_a_task_may_be_cited_there_by_its_other_unit_and_nowhere_else() {
        Map ofHealth = uploadPdf("health", "联合检查方案.pdf");
        String healthFile = (String) ofHealth.get("evidenceId");
        assertThat(send("health", HttpMethod.PUT, "/api/tasks/" + cited + "/reports/" + PERIOD + "/draft", content(ofHealth))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // cited in a draft of a task market works on: market reads it there, and may cite it there
        assertThat(download("market", healthFile)).isEqualTo(HttpStatus.OK);
        Map ofMarket = uploadPdf("market", "市场监管局检查记录.pdf");
        ResponseEntity<Map> contributed = send("market", HttpMethod.POST, "/api/tasks/" + cited + "/reports/" + PERIOD
                + "/contributions", Map.of("text", "已配合检查", "evidence", List.of(ofHealth, ofMarket)));
        assertThat(contributed.getStatusCode()).as("%s", contributed.getBody()).isEqualTo(HttpStatus.CREATED);
        // and the lead cites the co-unit's file its contribution brought into the task
        ResponseEntity<Map> submitted = send("health", HttpMethod.POST, "/api/tasks/" + cited + "/reports/" + PERIOD
                + "/submission", content(ofHealth, ofMarket));
        assertThat(submitted.getStatusCode()).as("%s", submitted.getBody()).isEqualTo(HttpStatus.OK);

        // cited in that task only: not in market's own report
        String before = fingerprint();
        assertCiteRefused(send("market", HttpMethod.PUT, "/api/tasks/" + market + "/reports/" + PERIOD + "/draft",
                content(ofHealth)), healthFile, market);
        assertThat(fingerprint()).isEqualTo(before);
    }

    @Test
    void a_unit_cites_its_own_files_in_any_task_it_works_on() {
        Map ofHealth = uploadPdf("health", "卫生健康委配合材料.pdf");
        ResponseEntity<Map> contributed = send("health", HttpMethod.POST, "/api/tasks/" + market + "/reports/" + PERIOD
                + "/contributions", Map.of("text", "已提供中医医疗机构名单", "evidence", List.of(ofHealth)));
        assertThat(contributed.getStatusCode()).as("%s", contributed.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /** A 400 problem naming the reference and the task, and not the file's name, which the unit may not read. */
    private static void assertCiteRefused(ResponseEntity<Map> response, String evidenceId, String taskId) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) response.getBody().get("detail")).isEqualTo("evidence[0]: evidence " + evidenceId
                + " was uploaded by another unit and is not cited in task " + taskId + "; a report or contribution "
                + "cites the files of its own unit and files already cited in the same task's reports and contributions");
    }

    /**
     * What a refused citation must leave as it was: the events of this plan's tasks, stored files, the tasks' waiting
     * steps and views. Scoped to this test's tasks: timers of other tests' plans may fire meanwhile.
     */
    private String fingerprint() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier in (?, ?, ?)",
                Long.class, shared, cited, market) + " events, "
                + jdbc.queryForObject("select count(*) from evidence", Long.class) + " files, steps "
                + List.of(shared, cited, market).stream().map(steps::onTask).toList() + ", views "
                + List.of(shared, cited, market).stream()
                .map(task -> http.withBasicAuth("admin", "duban").getForObject("/api/tasks/" + task, String.class)).toList();
    }

    private static Map<String, Object> content(Map... evidence) {
        return Map.of("narrative", "已完成联合检查", "status", "IN_PROGRESS", "percent", 60, "evidence", List.of(evidence));
    }

    private Map uploadPdf(String user, String name) {
        ResponseEntity<Map> uploaded = Uploads.post(http, user, "/api/evidence", name, EvidenceSamples.pdf(), Map.of());
        assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return uploaded.getBody();
    }

    private HttpStatus download(String user, String evidenceId) {
        return status(user, "/api/evidence/" + evidenceId);
    }

    private HttpStatus status(String user, String path) {
        return HttpStatus.valueOf(http.withBasicAuth(user, "duban").getForEntity(path, byte[].class).getStatusCode().value());
    }

    private ResponseEntity<Map> send(String user, HttpMethod method, String path, Object body) {
        return http.withBasicAuth(user, "duban").exchange(path, method, new HttpEntity<>(body), Map.class);
    }
}
