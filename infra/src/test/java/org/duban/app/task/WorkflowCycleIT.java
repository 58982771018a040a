package org.duban.app.task;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.api.Role;
import org.duban.api.reporting.ReportStatus;
import org.duban.api.task.TaskDetail;
import org.duban.app.reporting.evidence.EvidenceSamples;
import org.duban.app.security.DubanUser;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.Uploads;
import org.duban.process.WorkflowClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.ExtendedModelMap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.PlanTrees.allTasks;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * A full cycle over HTTP on the Dazu plan: publish, acknowledge (and an adjustment), a quarter's report with a
 * co-unit's contribution and evidence, a return, a resubmission, an acceptance; another report left unsubmitted is
 * reminded, marked overdue and escalated by its timers, run by the job executor, when the engine's clock passes its dates. Then the events,
 * inboxes and timelines.
 */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class WorkflowCycleIT {
    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskPages pages;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_quarter_of_work_on_the_dazu_plan() {
        String planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        assertThat(post("supervisor", "/api/plans/" + planId + "/publication-request", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(post("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of()).getBody())
                .containsEntry("status", "PUBLISHED").containsEntry("supervisingUnit", "区政府督查室");

        // every task is assigned: the health commission's inbox holds its 62 + 6 (区疾控局) acknowledgements
        List<Map> healthInbox = inbox("health");
        assertThat(healthInbox).filteredOn(item -> item.get("step").equals("acknowledgeTask")
                && planId.equals(item.get("planId"))).hasSize(68);
        Map tree = get("supervisor", "/api/plans/" + planId + "/tree");
        List<Map> tasks = allTasks(tree);
        Map a = tasks.stream().filter(t -> unit(t.get("leadUnit")).equals("区卫生健康委")
                && ((List<Map>) t.get("coUnits")).stream().anyMatch(u -> u.get("name").equals("区市场监管局"))).findFirst().orElseThrow();
        Map b = tasks.stream().filter(t -> unit(t.get("leadUnit")).equals("区卫生健康委") && t != a).findFirst().orElseThrow();
        String taskA = (String) a.get("taskId");
        String taskB = (String) b.get("taskId");

        // the co-unit is told of its part and confirms it; the lead unit may not confirm for it
        assertThat(inbox("market")).anySatisfy(item -> assertThat(item).containsEntry("step", "confirmPart")
                .containsEntry("taskId", taskA));
        assertThat(post("health", "/api/tasks/" + taskA + "/co-unit-confirmation", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("market", "/api/tasks/" + taskA + "/co-unit-confirmation", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(inbox("market")).noneMatch(item -> item.get("step").equals("confirmPart") && taskA.equals(item.get("taskId")));

        // acknowledgement: only the lead unit
        assertThat(post("market", "/api/tasks/" + taskA + "/acknowledgement", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(get("health", "/api/tasks/" + taskA))).isEqualTo("ASSIGNED");
        assertThat(status(post("health", "/api/tasks/" + taskA + "/acknowledgement", Map.of()).getBody())).isEqualTo("ACKNOWLEDGED");

        // an adjustment of B's due date, approved by the supervisor, then acknowledged
        ResponseEntity<Map> asked = post("health", "/api/tasks/" + taskB + "/adjustment-requests",
                Map.of("kind", "DUE_DATE", "proposal", "2026-12-31", "reason", "用地审批延后"));
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String adjustmentId = (String) asked.getBody().get("adjustmentId");
        assertThat(post("citysupervisor", "/api/tasks/" + taskB + "/adjustment-requests/" + adjustmentId + "/decision",
                Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("supervisor", "/api/tasks/" + taskB + "/adjustment-requests/" + adjustmentId + "/decision",
                Map.of("approved", true, "reason", "同意")).getStatusCode()).isEqualTo(HttpStatus.OK);
        post("health", "/api/tasks/" + taskB + "/acknowledgement", Map.of());
        Map treeAfter = get("supervisor", "/api/plans/" + planId + "/tree");
        assertThat(allTasks(treeAfter).stream().filter(t -> t.get("taskId").equals(taskB)).findFirst().orElseThrow())
                .containsEntry("dueDate", "2026-12-31");

        // a quarterly cadence; the current quarter's period opens for the two acknowledged tasks
        ClockUtil.setCurrentTime(date(LocalDate.of(2026, 10, 15)));
        assertThat(put("market", "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        put("supervisor", "/api/plans/" + planId + "/reporting-cadence", Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3));
        ResponseEntity<Map> opened = post("supervisor", "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4"));
        assertThat(opened.getBody()).containsEntry("reports", 2).containsEntry("dueOn", "2027-01-11");
        String overdueOn = (String) opened.getBody().get("overdueOn");

        // the co-unit contributes; the lead drafts, submits with evidence; the supervisor returns; the lead resubmits
        String q4 = "/api/tasks/" + taskA + "/reports/2026-Q4";
        assertThat(post("market", q4 + "/contributions", Map.of("text", "已开展联合检查3次")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map evidence = uploadEvidence("health", "进展报告.pdf", EvidenceSamples.pdf());
        Map forged = Map.of("narrative", "x", "status", "IN_PROGRESS", "evidence", List.of(Map.of("evidenceId", "e-forged",
                "fileName", "x.pdf", "size", 1, "sha256", "ab".repeat(32), "mediaType", "application/pdf")));
        ResponseEntity<Map> refused = post("health", q4 + "/submission", forged);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) refused.getBody().get("detail")).contains("evidence[0]").contains("e-forged");
        Map content = Map.of("narrative", "区中医院二期工程完成主体结构。", "status", "IN_PROGRESS", "percent", 60,
                "difficulties", "资金缺口", "nextSteps", "完成装修", "evidence", List.of(evidence));
        assertThat(post("market", q4 + "/submission", content).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("health", q4 + "/draft", content).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> submitted = post("health", q4 + "/submission", content);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.OK);
        // the answer is the task as the submission left it, read in the submission's transaction
        assertThat((List<Map>) submitted.getBody().get("reports")).anySatisfy(report -> assertThat(report)
                .containsEntry("periodKey", "2026-Q4").containsEntry("status", "SUBMITTED").containsEntry("round", 1));
        // the page after the form reads the same in its one transaction
        ExtendedModelMap page = new ExtendedModelMap();
        assertThat(pages.task(taskA, null, new DubanUser("health", "{noop}duban", "张三", "区卫生健康委", Role.UNIT_USER),
                Locale.CHINA, page)).isEqualTo("tasks/task");
        assertThat(((TaskDetail) page.get("task")).reports()).anySatisfy(report -> {
            assertThat(report.periodKey()).isEqualTo("2026-Q4");
            assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED);
        });
        assertThat(post("citysupervisor", q4 + "/review", Map.of("accepted", false, "reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(inbox("supervisor")).anySatisfy(item -> assertThat(item).containsEntry("step", "reviewReport")
                .containsEntry("taskId", taskA).containsEntry("period", "2026-Q4"));
        post("supervisor", q4 + "/review", Map.of("accepted", false, "reason", "缺少资金到位佐证"));
        Map returned = get("health", "/api/tasks/" + taskA);
        Map report = ((List<Map>) returned.get("reports")).get(0);
        assertThat(report).containsEntry("status", "RETURNED");
        assertThat(((List<Map>) report.get("rounds")).get(0)).containsEntry("outcome", "RETURNED").containsEntry("reason", "缺少资金到位佐证");
        assertThat((List<Map>) report.get("contributions")).extracting(c -> c.get("text")).containsExactly("已开展联合检查3次");
        assertThat(post("supervisor", q4 + "/review", Map.of("accepted", true)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        // the returned report is with the unit again: a supervisor of the plan reminds it (催办), nobody else
        assertThat(post("market", q4 + "/reminders", Map.of("note", "x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("supervisor", q4 + "/reminders", Map.of("note", "请尽快补充佐证")).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        post("health", q4 + "/submission", content);
        // submitted: nothing to remind
        assertThat(post("supervisor", q4 + "/reminders", Map.of("note", "x")).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        post("supervisor", q4 + "/review", Map.of("accepted", true, "reason", "同意"));
        Map accepted = get("auditor", "/api/tasks/" + taskA);
        Map finalReport = ((List<Map>) accepted.get("reports")).get(0);
        assertThat(finalReport).containsEntry("status", "ACCEPTED").containsEntry("round", 2);
        assertThat(((List<Map>) ((Map) ((List<Map>) finalReport.get("rounds")).get(1).get("content")).get("evidence")))
                .extracting(e -> e.get("sha256")).containsExactly(evidence.get("sha256"));

        // B's report is never submitted: when the clock passes its dates, its timers remind, mark overdue, escalate
        ClockUtil.setCurrentTime(date(LocalDate.parse(overdueOn).plusDays(1)));
        Map overdue = Map.of();
        for (int poll = 0; poll < 120 && !Boolean.TRUE.equals(overdue.get("escalated")); poll++) {
            sleep();
            overdue = ((List<Map>) get("supervisor", "/api/tasks/" + taskB).get("reports")).get(0);
        }
        assertThat(overdue).containsEntry("overdue", true).containsEntry("escalated", true).containsEntry("reminders", 1);
        assertThat(inbox("supervisor")).anySatisfy(item -> assertThat(item).containsEntry("step", "handleEscalation")
                .containsEntry("taskId", taskB));
        assertThat(inbox("citysupervisor")).noneMatch(item -> planId.equals(item.get("planId")));
        assertThat(inbox("health")).anySatisfy(item -> assertThat(item).containsEntry("step", "writeReport")
                .containsEntry("taskId", taskB)).noneMatch(item -> taskA.equals(item.get("taskId")));
        post("supervisor", "/api/tasks/" + taskB + "/reports/2026-Q4/urging", Map.of("note", "请于三日内报送"));

        // the timelines tell who did what, when, why, through which step
        List<Map> timelineA = (List<Map>) accepted.get("timeline");
        List<String> eventsOfA = new ArrayList<>(List.of("TaskCreated", "TaskAssigned",
                "CoUnitPartConfirmed", "TaskAcknowledged", "ReportingPeriodOpened", "ContributionSubmitted", "ReportDrafted", "ReportSubmitted",
                // the return and the acceptance each change the task's on-schedule status, in their transaction
                "ReportReturned", "TaskStatusChanged", "ReportReminded", "ReportSubmitted", "ReportAccepted"));
        // the acceptance ends the contributions of A's other co-units, which gave none
        ((List<Map>) a.get("coUnits")).stream().filter(u -> !u.get("name").equals("区市场监管局"))
                .forEach(u -> eventsOfA.add("ContributionClosed"));
        eventsOfA.add("TaskStatusChanged");
        assertThat(timelineA).extracting(e -> e.get("eventType")).containsExactlyElementsOf(eventsOfA);
        Map returnedEvent = timelineA.stream().filter(e -> e.get("eventType").equals("ReportReturned")).findFirst().orElseThrow();
        assertThat(returnedEvent).containsEntry("actorUser", "supervisor").containsEntry("actorUnit", "区政府督查室")
                .containsEntry("reason", "缺少资金到位佐证");
        assertThat(returnedEvent.get("processInstanceId")).isNotNull();
        assertThat(returnedEvent.get("userTaskId")).isNotNull();
        List<Map> timelineB = (List<Map>) get("supervisor", "/api/tasks/" + taskB).get("timeline");
        assertThat(timelineB).extracting(e -> e.get("eventType")).contains("TaskAdjustmentRequested",
                "TaskAdjustmentApproved", "ReportReminded", "ReportMarkedOverdue", "ReportEscalated");
        assertThat(timelineB).filteredOn(e -> e.get("eventType").equals("ReportReminded"))
                .extracting(e -> e.get("reason")).containsExactly(null, "请于三日内报送");
        // another office's supervisor may not even read the task
        assertThat(http.withBasicAuth("citysupervisor", "duban").getForEntity("/api/tasks/" + taskB, Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** The job executor runs the timers in its own thread: wait for it, a bounded while. */
    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Date date(LocalDate day) {
        return WorkflowClock.startOf(day);
    }

    private static Object status(Map detail) {
        return ((Map) detail.get("summary")).get("status");
    }

    private static String unit(Object ref) {
        return (String) ((Map) ref).get("name");
    }

    private Map uploadEvidence(String user, String name, byte[] content) {
        ResponseEntity<Map> stored = Uploads.post(http, user, "/api/evidence", name, content, Map.of());
        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return stored.getBody();
    }

    private List<Map> inbox(String user) {
        return List.of(http.withBasicAuth(user, "duban").getForObject("/api/inbox", Map[].class));
    }

    private Map get(String user, String path) {
        ResponseEntity<Map> response = http.withBasicAuth(user, "duban").getForEntity(path, Map.class);
        return response.getStatusCode() == HttpStatus.OK ? response.getBody() : Map.of();
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }

    private ResponseEntity<Map> put(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }
}
