package org.duban.app.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.TargetKind;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.api.task.TaskCreated;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;
import org.duban.app.rebuild.ProjectionRebuild;
import org.duban.app.rebuild.RebuildProgress;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PlanTrees;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * Events stored before a field was added still read, with the application's own event serializer: the payloads
 * below are written as the store held them then. An event of an earlier shape is also written into the store itself,
 * so this class has its own application and database: the audit chain of that store no longer holds.
 */
@DubanIntegrationTest
@TestPropertySource(properties = "duban.test.store=rewritten")
@DirtiesContext
@SuppressWarnings({"rawtypes", "unchecked"})
class EventRevisionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProjectionRebuild rebuild;

    private <T> T read(Class<T> type, String revision, String json) {
        return events.deserialize(new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8), byte[].class,
                type.getName(), revision));
    }

    @Test
    void a_task_created_before_printed_numbers_were_kept_reads_without_one() {
        TaskCreated event = read(TaskCreated.class, "1", """
                {"taskId":"t-1","planId":"p-1","sectionId":"s-3","number":12,"text":"做大做强区中医院。",
                 "leadUnit":{"unitId":"unit-1","name":"区卫生健康委"},"coUnits":[{"unitId":"unit-2","name":"区财政局"}],
                 "dueDate":"2025-12-31","remark":null,"planPeriod":{"startYear":2024,"endYear":2027},
                 "supervisingOffice":"区政府督查室"}""");

        assertThat(event).isEqualTo(new TaskCreated("t-1", "p-1", "s-3", 12, null, "做大做强区中医院。",
                new UnitRef("unit-1", "区卫生健康委"), List.of(new UnitRef("unit-2", "区财政局")), LocalDate.of(2025, 12, 31),
                null, new PlanPeriod(2024, 2027), "区政府督查室"));
    }

    @Test
    void an_indicator_defined_before_printed_numbers_and_tasks_were_kept_reads_without_them() {
        IndicatorDefined event = read(IndicatorDefined.class, "1", """
                {"indicatorId":"i-1","planId":"p-1","sectionId":null,"number":3,"name":"中医医疗机构数",
                 "unitOfMeasure":"个","baseline":{"year":2022,"value":1850,"asWritten":"1850"},
                 "target":{"year":2027,"kind":"AT_LEAST","low":2300,"high":null,"percent":false,"asWritten":"≥2300"},
                 "attribute":"EXPECTED","direction":"INCREASE","responsibleUnits":[],"remark":null}""");

        assertThat(event.code()).isNull();
        assertThat(event.taskId()).isNull();
        assertThat(event.number()).isEqualTo(3);
        assertThat(event.name()).isEqualTo("中医医疗机构数");
        assertThat(event.target().kind()).isEqualTo(TargetKind.AT_LEAST);
        assertThat(event.target().low()).isEqualByComparingTo(new BigDecimal("2300"));
        assertThat(event.direction()).isEqualTo(Direction.INCREASE);
    }

    @Test
    void a_task_created_now_keeps_its_printed_number_through_the_store() {
        TaskCreated created = new TaskCreated("t-2", "p-1", null, 4, "（四）", "推进中药产业发展。",
                new UnitRef("unit-1", "市卫生健康委"), List.of(), null, null, new PlanPeriod(2021, 2025), "市政府督查室");

        var stored = events.serialize(created, byte[].class);

        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).contains("\"code\":\"（四）\"");
        assertThat((TaskCreated) events.deserialize(stored)).isEqualTo(created);
    }

    @Test
    void an_adjustment_of_units_stored_in_its_first_shape_is_read_by_the_task_and_the_views() throws Exception {
        String planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        post("supervisor", "/api/plans/" + planId + "/publication-request", Map.of());
        post("supervisor", "/api/plans/" + planId + "/publication-approval", Map.of());
        String taskId = (String) PlanTrees.ledBy(tree(planId), "区卫生健康委").get(0).get("taskId");
        String adjust = "/api/tasks/" + taskId + "/adjustment-requests";
        ResponseEntity<Map> asked = post("health", adjust, Map.of("kind", "UNITS",
                "proposal", "区市场监管局；区卫生健康委、区财政局", "reason", "职责调整"));
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);

        // the row as the store held it before revision 2: no revision, the units as text alone
        String type = TaskAdjustmentRequested.class.getName();
        byte[] stored = jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = ?", byte[].class, taskId, type);
        ObjectNode payload = (ObjectNode) JSON.readTree(stored);
        assertThat(payload.has("units")).isTrue();
        payload.remove("units");
        assertThat(jdbc.update("update domain_event_entry set payload = ?, payload_revision = null "
                + "where aggregate_identifier = ? and payload_type = ?", JSON.writeValueAsBytes(payload), taskId, type))
                .isEqualTo(1);

        // the task reads the units it approves from the stored request
        assertThat(post("supervisor", adjust + "/" + asked.getBody().get("adjustmentId") + "/decision",
                Map.of("approved", true, "reason", "同意")).getStatusCode()).isEqualTo(HttpStatus.OK);
        Map task = PlanTrees.allTasks(tree(planId)).stream().filter(t -> t.get("taskId").equals(taskId))
                .findFirst().orElseThrow();
        assertThat(((Map) task.get("leadUnit")).get("name")).isEqualTo("区市场监管局");
        assertThat((List<Map>) task.get("coUnits")).extracting(u -> u.get("name"))
                .containsExactly("区卫生健康委", "区财政局");

        // the views rebuilt from the store read it too
        assertThat(rebuild.runHere("task-work", progress -> {
        }).state()).isEqualTo(RebuildProgress.State.SUCCEEDED);
        assertThat(rebuild.runHere("audit-trail", progress -> {
        }).state()).isEqualTo(RebuildProgress.State.SUCCEEDED);
        Map detail = http.withBasicAuth("market", "duban").getForObject("/api/tasks/" + taskId, Map.class);
        assertThat(((List<Map>) detail.get("adjustments")).get(0))
                .containsEntry("proposal", "牵头单位：区市场监管局；配合单位：区卫生健康委、区财政局")
                .containsEntry("outcome", "APPROVED");
        assertThat(jdbc.queryForObject("select unit_ids from audit_event where task_id = ? and event_type = ?",
                String.class, taskId, "TaskAdjustmentRequested")).contains("|" + UnitIds.of("区市场监管局") + "|");
    }

    private Map tree(String planId) {
        return http.withBasicAuth("supervisor", "duban").getForObject("/api/plans/" + planId + "/tree", Map.class);
    }

    private ResponseEntity<Map> post(String user, String path, Map body) {
        return http.withBasicAuth(user, "duban").exchange(path, HttpMethod.POST, new HttpEntity<>(body), Map.class);
    }
}
