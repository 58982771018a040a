package org.duban.app.task;

import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PlanTrees;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * An adjustment of units (责任单位调整): the lead unit proposes other units, by name or alias; unknown units are
 * refused with their name; once a supervisor approves, the task and its acknowledgement belong to the new lead.
 */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class TaskUnitsAdjustmentIT {
    @Autowired
    TestRestTemplate http;

    @Test
    void an_approved_change_of_units_hands_the_task_to_the_new_lead_unit() {
        String planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        send("supervisor", "/api/plans/" + planId + "/publication-request", Map.of());
        send("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of());
        Map tree = http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree", Map.class);
        String taskId = (String) PlanTrees.ledBy(tree, "区卫生健康委").get(0).get("taskId");
        String adjust = "/api/tasks/" + taskId + "/adjustment-requests";

        ResponseEntity<Map> unknown = send("health", adjust, Map.of("kind", "UNITS",
                "proposal", "牵头单位：区市场监管局；配合单位：区月球开发局", "reason", "职责调整"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unknown.getBody().get("detail")).contains("区月球开发局").contains("not registered");
        ResponseEntity<Map> noLead = send("health", adjust, Map.of("kind", "UNITS", "proposal", "配合单位：区财政局",
                "reason", "职责调整"));
        assertThat(noLead.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        ResponseEntity<Map> asked = send("health", adjust, Map.of("kind", "UNITS",
                "proposal", "区市场监管局；区卫生健康委、区财政局", "reason", "职责调整"));
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String adjustmentId = (String) asked.getBody().get("adjustmentId");
        Map detail = http.withBasicAuth("health", "duban").getForObject("/api/tasks/" + taskId, Map.class);
        assertThat(((List<Map>) detail.get("adjustments")).get(0))
                .containsEntry("proposal", "牵头单位：区市场监管局；配合单位：区卫生健康委、区财政局");
        assertThat(send("supervisor", adjust + "/" + adjustmentId + "/decision", Map.of("approved", true, "reason", "同意"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        Map task = PlanTrees.allTasks(http.withBasicAuth("supervisor", "duban")
                .getForObject("/api/plans/" + planId + "/tree", Map.class)).stream()
                .filter(t -> t.get("taskId").equals(taskId)).findFirst().orElseThrow();
        assertThat(((Map) task.get("leadUnit")).get("name")).isEqualTo("区市场监管局");
        assertThat((List<Map>) task.get("coUnits")).extracting(u -> u.get("name")).containsExactly("区卫生健康委", "区财政局");
        assertThat(inbox("market")).anyMatch(item -> item.get("step").equals("acknowledgeTask") && taskId.equals(item.get("taskId")));
        assertThat(inbox("health")).noneMatch(item -> item.get("step").equals("acknowledgeTask") && taskId.equals(item.get("taskId")));
        assertThat(send("health", "/api/tasks/" + taskId + "/acknowledgement", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(send("market", "/api/tasks/" + taskId + "/acknowledgement", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        List<Map> timeline = (List<Map>) http.withBasicAuth("market", "duban").getForObject("/api/tasks/" + taskId, Map.class)
                .get("timeline");
        assertThat(timeline).extracting(e -> e.get("eventType")).containsSubsequence("TaskAdjustmentApproved",
                "TaskUnitsChanged", "TaskAcknowledged");
    }

    private List<Map> inbox(String user) {
        return List.of(http.withBasicAuth(user, "duban").getForObject("/api/inbox", Map[].class));
    }

    private ResponseEntity<Map> send(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }
}
