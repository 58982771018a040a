package org.duban.app.adjustment;

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

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * Dynamic adjustment (动态调整) end to end: a unit asks to move a task's due date during execution, the supervisor
 * approves, the plan tree shows the new date and the history the old one; an indicator's target adjustment approved
 * is in the audit trail, a refused one changes nothing.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class DynamicAdjustmentIT {
    @Autowired
    TestRestTemplate http;
    private String planId;
    private String taskId;
    private LocalDate originalDue;

    @BeforeAll
    void aTaskInExecution() {
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        ok(send("supervisor", "/api/plans/" + planId + "/publication-request", Map.of()));
        ok(send("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of()));
        Map task = PlanTrees.ledBy(tree(), "区卫生健康委").get(0);
        taskId = (String) task.get("taskId");
        originalDue = task.get("dueDate") == null ? null : LocalDate.parse((String) task.get("dueDate"));
        ok(send("health", "/api/tasks/" + taskId + "/acknowledgement", Map.of()));
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_due_date_moved_during_execution_shows_in_the_tree_and_the_history_keeps_the_old_one() {
        LocalDate moved = LocalDate.of(2026, 11, 30).equals(originalDue) ? LocalDate.of(2026, 11, 27)
                : LocalDate.of(2026, 11, 30);
        String adjustments = "/api/tasks/" + taskId + "/adjustments";
        ResponseEntity<Map> asked = send("health", adjustments, Map.of("kind", "DUE_DATE", "proposal", moved.toString(),
                "reason", "用地审批延后"));
        assertThat(asked.getStatusCode()).as("%s", asked.getBody()).isEqualTo(HttpStatus.CREATED);
        String adjustmentId = (String) asked.getBody().get("adjustmentId");

        // the task goes on while the supervisors decide; a second request waits its turn
        assertThat(((Map) get("health", "/api/tasks/" + taskId).get("summary")).get("status")).isEqualTo("ACKNOWLEDGED");
        ResponseEntity<Map> second = send("health", adjustments, Map.of("kind", "TEXT", "proposal", "新表述",
                "reason", "又一项"));
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(List.of(http.withBasicAuth("supervisor", "duban").getForObject("/api/inbox", Map[].class)))
                .anyMatch(item -> "decideDynamicAdjustment".equals(item.get("step")) && taskId.equals(item.get("taskId")));
        assertThat(send("market", adjustments, Map.of("kind", "TEXT", "proposal", "新表述", "reason", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send("citysupervisor", adjustments + "/" + adjustmentId + "/decision", Map.of("approved", true))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<Map> approved = send("supervisor", adjustments + "/" + adjustmentId + "/decision",
                Map.of("approved", true, "reason", "同意延期"));
        assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.OK);

        Map inTree = PlanTrees.allTasks(tree()).stream().filter(t -> taskId.equals(t.get("taskId"))).findFirst()
                .orElseThrow();
        assertThat(inTree.get("dueDate")).isEqualTo(moved.toString());
        Map history = get("health", adjustments);
        assertThat(history.get("originalDueDate")).isEqualTo(originalDue == null ? null : originalDue.toString());
        assertThat((List<Map>) history.get("entries")).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("kind", "DUE_DATE").containsEntry("outcome", "APPROVED")
                .containsEntry("previousValue", originalDue == null ? null : originalDue.toString())
                .containsEntry("adjustedValue", moved.toString()).containsEntry("reason", "用地审批延后")
                .containsEntry("decisionReason", "同意延期").containsEntry("decidedBy", "supervisor"));
        List<Map> timeline = (List<Map>) get("health", "/api/tasks/" + taskId).get("timeline");
        assertThat(timeline).extracting(e -> e.get("eventType")).containsSubsequence("TaskAcknowledged",
                "TaskAdjustmentRequested", "TaskAdjustmentApproved", "TaskDueDateAdjusted");
        assertThat(((Map) get("health", "/api/tasks/" + taskId).get("summary")).get("status")).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void an_approved_target_adjustment_is_in_the_audit_trail_and_a_refused_one_changes_nothing() {
        List<Map> indicators = (List<Map>) tree().get("indicators");
        assertThat(indicators).hasSizeGreaterThanOrEqualTo(2);
        String first = (String) indicators.get(0).get("indicatorId");
        String second = (String) indicators.get(1).get("indicatorId");
        String secondTarget = (String) ((Map) indicators.get(1).get("target")).get("asWritten");

        ResponseEntity<Map> unreadable = send("supervisor", "/api/indicators/" + first + "/adjustments",
                Map.of("proposedTarget", "大幅提高", "reason", "x"));
        assertThat(unreadable.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unreadable.getBody().get("detail")).contains("proposedTarget").contains("大幅提高");

        String approvedId = (String) ok(send("supervisor", "/api/indicators/" + first + "/adjustments",
                Map.of("proposedTarget", "不低于99", "reason", "按中期评估调整"))).get("adjustmentId");
        assertThat(send("citysupervisor", "/api/indicators/" + first + "/adjustments/" + approvedId + "/decision",
                Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Map approved = ok(send("supervisor", "/api/indicators/" + first + "/adjustments/" + approvedId + "/decision",
                Map.of("approved", true, "reason", "同意", "approvalDocument", "大足府函〔2026〕8号")));
        assertThat((List<Map>) approved.get("entries")).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("outcome", "APPROVED").containsEntry("adjustedValue", "不低于99")
                .containsEntry("approvalDocument", "大足府函〔2026〕8号"));
        Map inForce = ((List<Map>) tree().get("indicators")).stream().filter(i -> first.equals(i.get("indicatorId")))
                .findFirst().orElseThrow();
        assertThat(((Map) inForce.get("target")).get("asWritten")).isEqualTo("不低于99");
        List<Map> trail = (List<Map>) get("auditor", "/api/audit/events?subject=PLAN&id=" + planId
                + "&eventType=IndicatorTargetAdjusted").get("entries");
        assertThat(trail).singleElement().satisfies(event -> assertThat(event)
                .containsEntry("actorUser", "supervisor").containsEntry("reason", "同意"));

        String refusedId = (String) ok(send("supervisor", "/api/indicators/" + second + "/adjustments",
                Map.of("proposedTarget", "不低于1", "reason", "下调"))).get("adjustmentId");
        ok(send("supervisor", "/api/indicators/" + second + "/adjustments/" + refusedId + "/decision",
                Map.of("approved", false, "reason", "理由不充分")));
        Map unchanged = ((List<Map>) tree().get("indicators")).stream().filter(i -> second.equals(i.get("indicatorId")))
                .findFirst().orElseThrow();
        assertThat(((Map) unchanged.get("target")).get("asWritten")).isEqualTo(secondTarget);
        assertThat((List<Map>) get("supervisor", "/api/indicators/" + second + "/adjustments").get("entries"))
                .singleElement().satisfies(entry -> assertThat(entry).containsEntry("outcome", "REJECTED")
                        .containsEntry("adjustedValue", null));
        assertThat((List<Map>) get("auditor", "/api/audit/events?subject=PLAN&id=" + planId
                + "&eventType=IndicatorTargetAdjusted").get("entries")).hasSize(1);
    }

    private Map tree() {
        return get("supervisor", "/api/plans/" + planId + "/tree");
    }

    private Map get(String user, String path) {
        ResponseEntity<Map> response = http.withBasicAuth(user, "duban").getForEntity(path, Map.class);
        return ok(response);
    }

    private static Map ok(ResponseEntity<Map> response) {
        assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response.getBody()).isTrue();
        return response.getBody();
    }

    private ResponseEntity<Map> send(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }
}
