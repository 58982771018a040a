package org.duban.app.task;

import org.duban.app.security.WorkAccess;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.api.calendar.CalendarYearView;
import org.duban.api.calendar.ListCalendarYears;
import org.duban.api.plan.FindPlan;
import org.duban.api.plan.PlanSummary;
import org.duban.api.reporting.FindReportingCadence;
import org.duban.api.reporting.ReportingCadenceSet;
import org.duban.api.task.TaskSummary;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;
import org.duban.app.reporting.evidence.EvidenceSamples;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.process.WorkflowClock;
import org.duban.process.reporting.ProgressReporting;
import org.duban.process.steps.StepKind;
import org.duban.process.steps.WaitingStep;
import org.duban.process.steps.WaitingSteps;
import org.duban.process.task.TaskAssignment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.duban.app.support.PlanTrees.allTasks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Issue 4's access rule, endpoint by endpoint: a unit user sees and acts only on its own unit's work, a supervisor
 * only on the plans their office supervises, auditors and evaluators only read. Every row is a request from an
 * outsider to a step that is really waiting; it must answer 403 and leave the event store, the evidence store, the
 * open Camunda steps and what an administrator sees exactly as they were.
 *
 * <p>The world, set up once on the Dazu plan, published by 区政府督查室 ({@code supervisor}):
 * <ul>
 *   <li>A — led by 区卫生健康委 with 区市场监管局 as co-unit; acknowledged; its 2026-Q4 report, contribution and an
 *       escalation wait;</li>
 *   <li>R — same units; its 2026-Q4 report, with a contribution and evidence of each unit, waits for review;</li>
 *   <li>B — of a second small plan (every Dazu task involves 区卫生健康委), led by 区发展改革委 with 区财政局, so
 *       neither demo unit has a part in it; acknowledged; its report waits and is escalated;</li>
 *   <li>C — led by 区卫生健康委; an adjustment waits for the supervisor's decision;</li>
 *   <li>D — led by 区卫生健康委 with 区市场监管局 as co-unit; its acknowledgement waits;</li>
 *   <li>O — the second plan's other task; its acknowledgement waits.</li>
 * </ul>
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class WorkAccessIT {
    private static final String PERIOD = "2026-Q4";
    private static final String HEALTH = "区卫生健康委";
    private static final String MARKET = "区市场监管局";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService camundaTasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskAssignment assignment;
    @Autowired
    WaitingSteps waiting;
    @Autowired
    WorkAccess access;
    @Autowired
    QueryGateway queries;
    @Autowired
    ObjectMapper objectMapper;

    /** The placeholders of the rows' paths ({@code {A}}, {@code {plan}}, …) and what they stand for here. */
    private final Map<String, String> ids = new LinkedHashMap<>();
    private String planId;

    @BeforeAll
    void publishTheDazuPlanAndBringEachStepToWhereItWaits() {
        planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        ids.put("plan", planId);
        assertThat(send("supervisor", POST, "/api/plans/" + planId + "/publication-request", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        assertThat(send("supervisor", POST, "/api/plans/" + planId + "/publication-approval", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        List<Map> tasks = allTasks(json("supervisor", "/api/plans/" + planId + "/tree"));
        Predicate<Map> ledByHealth = task -> name(task.get("leadUnit")).equals(HEALTH);
        Predicate<Map> helpedByMarket = task -> ((List<Map>) task.get("coUnits")).stream()
                .anyMatch(unit -> name(unit).equals(MARKET));
        List<Map> healthAndMarket = tasks.stream().filter(ledByHealth.and(helpedByMarket)).toList();
        assertThat(healthAndMarket).hasSizeGreaterThanOrEqualTo(3);
        ids.put("A", id(healthAndMarket.get(0)));
        ids.put("R", id(healthAndMarket.get(1)));
        ids.put("D", id(healthAndMarket.get(2)));
        ids.put("C", id(tasks.stream().filter(ledByHealth).filter(task -> !healthAndMarket.contains(task))
                .findFirst().orElseThrow()));
        // every Dazu task involves 区卫生健康委: the work of other units comes from a second, small plan
        String otherPlanId = publishedPlanOfOtherUnits();
        ids.put("otherPlan", otherPlanId);
        List<Map> others = allTasks(json("supervisor", "/api/plans/" + otherPlanId + "/tree"));
        assertThat(others).hasSize(2).allSatisfy(task -> assertThat(Stream.concat(Stream.of((Map) task.get("leadUnit")),
                ((List<Map>) task.get("coUnits")).stream()).map(WorkAccessIT::name)).doesNotContain(HEALTH, MARKET));
        ids.put("B", id(others.get(0)));
        ids.put("O", id(others.get(1)));

        assertThat(send("health", POST, "/api/tasks/" + ids.get("A") + "/acknowledgement", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(send("health", POST, "/api/tasks/" + ids.get("R") + "/acknowledgement", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // no demo account works for B's unit: its acknowledgement is given through the process, as Camunda's
        // Tasklist would give it
        assignment.acknowledge(ids.get("B"), (String) ((Map) others.get(0).get("leadUnit")).get("unitId"));
        ResponseEntity<Map> asked = send("health", POST, "/api/tasks/" + ids.get("C") + "/adjustment-requests",
                Map.of("kind", "DUE_DATE", "proposal", "2027-06-30", "reason", "用地审批延后"), Map.class);
        assertThat(asked.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ids.put("adjustment", (String) asked.getBody().get("adjustmentId"));

        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        assertThat(send("supervisor", PUT, "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> opened = send("supervisor", POST, "/api/plans/" + planId + "/reporting-periods",
                Map.of("period", PERIOD), Map.class);
        assertThat(opened.getBody()).containsEntry("reports", 2);
        assertThat(send("supervisor", PUT, "/api/plans/" + otherPlanId + "/reporting-cadence",
                Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(send("supervisor", POST, "/api/plans/" + otherPlanId + "/reporting-periods",
                Map.of("period", PERIOD), Map.class).getBody()).containsEntry("reports", 1)
                .containsEntry("overdueOn", opened.getBody().get("overdueOn"));

        Map evidenceOfHealth = uploadEvidence("health", "卫生健康委进展.pdf");
        Map evidenceOfMarket = uploadEvidence("market", "市场监管局检查记录.pdf");
        ids.put("Eh", (String) evidenceOfHealth.get("evidenceId"));
        ids.put("Em", (String) evidenceOfMarket.get("evidenceId"));
        // a file of the supervisors' office that no task cites
        ids.put("Eb", (String) uploadEvidence("supervisor", "督查室通知.pdf").get("evidenceId"));
        String reportR = "/api/tasks/" + ids.get("R") + "/reports/" + PERIOD;
        assertThat(send("market", POST, reportR + "/contributions",
                Map.of("text", "已开展联合检查3次", "evidence", List.of(evidenceOfMarket))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(send("health", POST, reportR + "/submission", Map.of("narrative", "已完成组建方案",
                "status", "IN_PROGRESS", "percent", 40, "evidence", List.of(evidenceOfHealth))).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        // A's and B's reports are never submitted: past the overdue day their timers remind, mark and escalate them
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.parse((String) opened.getBody().get("overdueOn")).plusDays(1)));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() ->
                escalated("A") && escalated("B") && management.createJobQuery().executable().count() == 0);
        ClockUtil.reset();
    }

    /** Two tasks led by 区发展改革委 with 区财政局: neither demo unit has any part in them. */
    private String publishedPlanOfOtherUnits() {
        String csv = """
                一级指标,二级指标,三级指标,具体任务,责任单位
                一、中药产业园区建设工程,（一）建设中药材交易市场,1.建设区级中药材交易市场,建成区级中药材交易市场1个。,区发展改革委、区财政局
                "",,2.完善仓储物流,完善区级中药材仓储物流体系。,区发展改革委、区财政局
                """;
        Map<String, String> fields = new LinkedHashMap<>(dazuPlan());
        fields.put("title", "大足区中药产业园区建设任务分解（访问控制测试）");
        fields.put("documentNumber", "大足府办发〔2024〕200号");
        ResponseEntity<Map> imported = upload(http, "supervisor", "others.csv", csv.getBytes(StandardCharsets.UTF_8), fields);
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.CREATED);
        String id = (String) imported.getBody().get("planId");
        send("supervisor", POST, "/api/plans/" + id + "/publication-request", Map.of());
        assertThat(send("supervisor", POST, "/api/plans/" + id + "/publication-approval", Map.of()).getBody())
                .containsEntry("supervisingUnit", "区政府督查室");
        return id;
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static final Map<String, Object> NOTHING = Map.of();
    private static final Map<String, Object> ADJUSTMENT = Map.of("kind", "DUE_DATE", "proposal", "2027-06-30",
            "reason", "人手不足");
    private static final Map<String, Object> DECISION = Map.of("approved", true, "reason", "同意");
    private static final Map<String, Object> CONTRIBUTION = Map.of("text", "已配合开展检查", "evidence", List.of());
    private static final Map<String, Object> CONTENT = Map.of("narrative", "已完成", "status", "IN_PROGRESS",
            "percent", 50, "evidence", List.of());
    private static final Map<String, Object> REVIEW = Map.of("accepted", true, "reason", "同意");
    private static final Map<String, Object> URGING = Map.of("note", "请于三日内报送");
    private static final Map<String, Object> CADENCE = Map.of("cadence", "MONTHLY", "dueDay", 5, "graceWorkingDays", 2);
    private static final Map<String, Object> NEXT_PERIOD = Map.of("period", "2027-Q1");
    private static final Csv CALENDAR_2028 = new Csv("date,kind,name\n2028-01-01,HOLIDAY,元旦\n");
    private static final Upload FILE = new Upload("越权上传.pdf");

    /** A request: who sends it, how, to which path (with placeholders), with which body; named for reports. */
    record Row(String name, String user, HttpMethod method, String path, Object body) {
    }

    record Csv(String text) {
    }

    record Upload(String fileName) {
    }

    private static Arguments row(String user, HttpMethod method, String path, Object body, String who) {
        String name = user + " (" + who + "): " + method + " " + path;
        return Arguments.of(Named.of(name, new Row(name, user, method, path, body)));
    }

    /** Every endpoint of issue 4 with every kind of outsider that applies to it. */
    static Stream<Arguments> outsiders() {
        String ack = "/api/tasks/{%s}/acknowledgement";
        String confirm = "/api/tasks/{%s}/co-unit-confirmation";
        String adjust = "/api/tasks/{%s}/adjustment-requests";
        String decide = "/api/tasks/{C}/adjustment-requests/{adjustment}/decision";
        String report = "/api/tasks/{%s}/reports/" + PERIOD;
        String cadence = "/api/plans/{plan}/reporting-cadence";
        String periods = "/api/plans/{plan}/reporting-periods";
        String calendar = "/api/calendar/2028";
        List<Arguments> rows = new ArrayList<>(List.of(
                row("health", GET, "/api/tasks/{B}", null, "unit of another task"),
                row("market", GET, "/api/tasks/{B}", null, "unit of another task"),
                row("health", GET, "/api/tasks/{O}", null, "unit of another task"),
                row("citysupervisor", GET, "/api/tasks/{A}", null, "supervisor of another office"),
                row("citysupervisor", GET, "/api/tasks/{B}", null, "supervisor of another office"),
                row("market", GET, "/api/tasks/{B}?asOf=2099-01-01", null, "unit of another task, in the past"),
                row("citysupervisor", GET, "/api/tasks/{A}?asOf=2099-01-01", null, "supervisor of another office, in the past"),
                row("health", GET, "/api/plans/{plan}/as-of?asOf=2099-01-01", null, "unit user on the whole plan's past"),
                row("citysupervisor", GET, "/api/plans/{plan}/as-of?asOf=2099-01-01", null, "supervisor of another office"),

                row("health", POST, confirm.formatted("D"), NOTHING, "lead unit on the co-unit's step"),
                row("market", POST, confirm.formatted("O"), NOTHING, "unit of another task"),
                row("supervisor", POST, confirm.formatted("D"), NOTHING, "supervisor on a unit's step"),
                row("citysupervisor", POST, confirm.formatted("D"), NOTHING, "supervisor of another office"),
                row("evaluator", POST, confirm.formatted("D"), NOTHING, "reader only"),
                row("auditor", POST, confirm.formatted("D"), NOTHING, "reader only"),

                row("market", POST, ack.formatted("D"), NOTHING, "co-unit on the lead's step"),
                row("health", POST, ack.formatted("O"), NOTHING, "unit of another task"),
                row("market", POST, ack.formatted("O"), NOTHING, "unit of another task"),
                row("supervisor", POST, ack.formatted("D"), NOTHING, "supervisor on a unit's step"),
                row("citysupervisor", POST, ack.formatted("D"), NOTHING, "supervisor of another office"),
                row("evaluator", POST, ack.formatted("D"), NOTHING, "reader only"),
                row("auditor", POST, ack.formatted("D"), NOTHING, "reader only"),

                row("market", POST, adjust.formatted("D"), ADJUSTMENT, "co-unit on the lead's step"),
                row("health", POST, adjust.formatted("O"), ADJUSTMENT, "unit of another task"),
                row("market", POST, adjust.formatted("O"), ADJUSTMENT, "unit of another task"),
                row("supervisor", POST, adjust.formatted("D"), ADJUSTMENT, "supervisor on a unit's step"),
                row("citysupervisor", POST, adjust.formatted("D"), ADJUSTMENT, "supervisor of another office"),
                row("evaluator", POST, adjust.formatted("D"), ADJUSTMENT, "reader only"),
                row("auditor", POST, adjust.formatted("D"), ADJUSTMENT, "reader only"),

                row("health", POST, decide, DECISION, "lead unit on the supervisor's step"),
                row("market", POST, decide, DECISION, "unit of another task"),
                row("citysupervisor", POST, decide, DECISION, "supervisor of another office"),
                row("evaluator", POST, decide, DECISION, "reader only"),
                row("auditor", POST, decide, DECISION, "reader only"),

                row("health", POST, report.formatted("A") + "/contributions", CONTRIBUTION, "lead unit on the co-unit's step"),
                row("health", POST, report.formatted("B") + "/contributions", CONTRIBUTION, "unit of another task"),
                row("market", POST, report.formatted("B") + "/contributions", CONTRIBUTION, "unit of another task"),
                row("supervisor", POST, report.formatted("A") + "/contributions", CONTRIBUTION, "supervisor on a unit's step"),
                row("citysupervisor", POST, report.formatted("A") + "/contributions", CONTRIBUTION, "supervisor of another office"),
                row("evaluator", POST, report.formatted("A") + "/contributions", CONTRIBUTION, "reader only"),
                row("auditor", POST, report.formatted("A") + "/contributions", CONTRIBUTION, "reader only")));
        for (String step : List.of("/draft", "/submission")) {
            HttpMethod method = step.equals("/draft") ? PUT : POST;
            rows.addAll(List.of(
                    row("market", method, report.formatted("A") + step, CONTENT, "co-unit on the lead's step"),
                    row("health", method, report.formatted("B") + step, CONTENT, "unit of another task"),
                    row("market", method, report.formatted("B") + step, CONTENT, "unit of another task"),
                    row("supervisor", method, report.formatted("A") + step, CONTENT, "supervisor on a unit's step"),
                    row("citysupervisor", method, report.formatted("A") + step, CONTENT, "supervisor of another office"),
                    row("evaluator", method, report.formatted("A") + step, CONTENT, "reader only"),
                    row("auditor", method, report.formatted("A") + step, CONTENT, "reader only")));
        }
        rows.addAll(List.of(
                row("health", POST, report.formatted("R") + "/review", REVIEW, "lead unit on the supervisor's step"),
                row("market", POST, report.formatted("R") + "/review", REVIEW, "co-unit on the supervisor's step"),
                row("citysupervisor", POST, report.formatted("R") + "/review", REVIEW, "supervisor of another office"),
                row("evaluator", POST, report.formatted("R") + "/review", REVIEW, "reader only"),
                row("auditor", POST, report.formatted("R") + "/review", REVIEW, "reader only"),

                row("health", POST, report.formatted("A") + "/reminders", URGING, "lead unit on a supervisor's reminder"),
                row("market", POST, report.formatted("A") + "/reminders", URGING, "co-unit on a supervisor's reminder"),
                row("citysupervisor", POST, report.formatted("B") + "/reminders", URGING, "supervisor of another office"),
                row("evaluator", POST, report.formatted("B") + "/reminders", URGING, "reader only"),
                row("auditor", POST, report.formatted("B") + "/reminders", URGING, "reader only"),
                row("health", POST, report.formatted("A") + "/urging", URGING, "lead unit on the supervisor's step"),
                row("market", POST, report.formatted("A") + "/urging", URGING, "co-unit on the supervisor's step"),
                row("health", POST, report.formatted("B") + "/urging", URGING, "unit of another task"),
                row("citysupervisor", POST, report.formatted("B") + "/urging", URGING, "supervisor of another office"),
                row("evaluator", POST, report.formatted("B") + "/urging", URGING, "reader only"),
                row("auditor", POST, report.formatted("B") + "/urging", URGING, "reader only")));
        for (String user : List.of("health", "market", "citysupervisor", "evaluator", "auditor")) {
            String who = user.equals("citysupervisor") ? "supervisor of another office"
                    : user.equals("health") || user.equals("market") ? "unit user on the plan's settings" : "reader only";
            rows.add(row(user, PUT, cadence, CADENCE, who));
            rows.add(row(user, POST, periods, NEXT_PERIOD, who));
        }
        for (String user : List.of("health", "market", "supervisor", "citysupervisor", "evaluator", "auditor")) {
            rows.add(row(user, PUT, calendar, CALENDAR_2028, "not an administrator"));
        }
        rows.addAll(List.of(
                row("evaluator", POST, "/api/evidence", FILE, "reader only"),
                row("auditor", POST, "/api/evidence", FILE, "reader only"),
                row("citysupervisor", GET, "/api/evidence/{Eh}", null, "evidence cited only in a plan of another office"),
                row("citysupervisor", GET, "/api/evidence/{Em}/ref", null, "evidence cited only in a plan of another office"),
                row("market", GET, "/api/evidence/{Eb}", null, "another unit's evidence, cited in no task it may read"),
                row("health", GET, "/api/evidence/{Eb}/ref", null, "another unit's evidence, cited in no task it may read")));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outsiders")
    void an_outsider_is_refused_with_403_and_nothing_changes(Row row) {
        Fingerprint before = fingerprint();
        ResponseEntity<String> response = send(row.user(), row.method(), resolve(row.path()), row.body(), String.class);
        assertThat(response.getStatusCode()).as(row.name() + " answered " + response.getBody())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(fingerprint()).as(row.name() + " changed something").isEqualTo(before);
    }

    /** Without this, a row could pass because its step was not there to be taken. */
    @Test
    void the_steps_the_rows_aim_at_are_waiting() {
        String marketUnit = UnitIds.of(MARKET);
        String healthUnit = UnitIds.of(HEALTH);
        // past its acknowledgement date the co-unit's confirmation of D has expired, and past the overdue day A's
        // contribution has closed: the rows on those steps meet the refusal of access before the step's own end
        assertThat(waiting.onTask(ids.get("D")))
                .contains(new WaitingStep(StepKind.ACKNOWLEDGE, null, healthUnit, null))
                .doesNotContain(new WaitingStep(StepKind.CONFIRM_PART, null, marketUnit, null));
        assertThat((List<Map>) json("admin", "/api/tasks/" + ids.get("D")).get("confirmations"))
                .anySatisfy(confirmation -> assertThat(confirmation).containsEntry("outcome", "EXPIRED"));
        assertThat((List<Map>) ((List<Map>) json("admin", "/api/tasks/" + ids.get("A")).get("reports")).get(0)
                .get("closedContributions"))
                .anySatisfy(closed -> assertThat(closed).containsEntry("unitId", marketUnit).containsEntry("cause", "PERIOD_CLOSED"));
        assertThat(waiting.onTask(ids.get("O"))).extracting(WaitingStep::kind).contains(StepKind.ACKNOWLEDGE);
        assertThat(waiting.onTask(ids.get("C")))
                .contains(new WaitingStep(StepKind.DECIDE_ADJUSTMENT, null, null, ids.get("adjustment")));
        assertThat(waiting.onTask(ids.get("A")))
                .doesNotContain(new WaitingStep(StepKind.CONTRIBUTE, PERIOD, marketUnit, null))
                .contains(new WaitingStep(StepKind.WRITE_REPORT, PERIOD, healthUnit, null))
                .contains(new WaitingStep(StepKind.HANDLE_ESCALATION, PERIOD, null, null));
        assertThat(waiting.onTask(ids.get("B"))).filteredOn(step -> PERIOD.equals(step.period()))
                .extracting(WaitingStep::kind).contains(StepKind.WRITE_REPORT, StepKind.HANDLE_ESCALATION);
        assertThat(waiting.onTask(ids.get("R"))).contains(new WaitingStep(StepKind.REVIEW_REPORT, PERIOD, null, null));
        assertThat(json("admin", "/api/plans/" + planId + "/reporting-cadence")).containsEntry("cadence", "QUARTERLY");
        assertThat(send("admin", GET, "/api/calendar/2028", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        // the evidence rows are about files cited in R, which both units may read
        assertThat(send("market", GET, "/api/tasks/" + ids.get("R"), null, String.class).getBody())
                .contains(ids.get("Eh")).contains(ids.get("Em"));
    }

    @Test
    void a_unit_users_inbox_holds_only_its_own_units_steps() {
        for (String user : List.of("health", "market")) {
            String unitId = UnitIds.of(user.equals("health") ? HEALTH : MARKET);
            List<Map> mine = inbox(user).stream().filter(item -> planId.equals(item.get("planId"))).toList();
            assertThat(mine).as(user).isNotEmpty().allSatisfy(item -> {
                TaskSummary task = access.task((String) item.get("taskId"));
                if (item.get("step").equals(ProgressReporting.CONTRIBUTE) || item.get("step").equals(TaskAssignment.CONFIRM_PART)) {
                    assertThat(task.coUnits()).extracting(UnitRef::unitId).contains(unitId);
                } else {
                    assertThat(item.get("step")).isIn(TaskAssignment.ACKNOWLEDGE, ProgressReporting.WRITE);
                    assertThat(task.leadUnit().unitId()).isEqualTo(unitId);
                }
            });
            assertThat(inbox(user)).as(user).noneMatch(item -> ids.get("otherPlan").equals(item.get("planId")));
        }
        assertThat(inbox("health")).anyMatch(item -> isStep(item, "A", ProgressReporting.WRITE))
                .noneMatch(item -> isStep(item, "A", ProgressReporting.CONTRIBUTE))
                .noneMatch(item -> isStep(item, "R", ProgressReporting.CONTRIBUTE));
        // A's contribution closed with its period; R's was given: neither waits in the co-unit's inbox any more
        assertThat(inbox("market")).noneMatch(item -> isStep(item, "A", ProgressReporting.CONTRIBUTE))
                .noneMatch(item -> isStep(item, "A", ProgressReporting.WRITE))
                .noneMatch(item -> isStep(item, "D", TaskAssignment.ACKNOWLEDGE))
                .noneMatch(item -> isStep(item, "C", TaskAssignment.DECIDE));
    }

    @Test
    void only_the_supervising_office_finds_the_plans_supervisor_steps_in_its_inbox() {
        assertThat(inbox("supervisor")).anyMatch(item -> isStep(item, "R", ProgressReporting.REVIEW))
                .anyMatch(item -> isStep(item, "C", TaskAssignment.DECIDE))
                .anyMatch(item -> isStep(item, "B", ProgressReporting.ESCALATION));
        assertThat(inbox("citysupervisor")).noneMatch(item -> planId.equals(item.get("planId"))
                || ids.get("otherPlan").equals(item.get("planId")));
        assertThat(inbox("evaluator")).isEmpty();
        assertThat(inbox("auditor")).isEmpty();
    }

    /**
     * Evidence belongs to the uploader's unit; administrators, auditors and evaluators read all of it; anyone who may
     * read a task citing it reads it there: the lead sees its co-units' files, the co-unit the lead's, the plan's
     * supervisors both. A supervisor of another office and a unit the citing tasks do not concern get the 403 rows.
     */
    @Test
    void evidence_is_read_by_its_own_unit_the_office_wide_roles_and_through_the_tasks_citing_it() {
        for (String path : List.of("/api/evidence/" + ids.get("Eh"), "/api/evidence/" + ids.get("Em") + "/ref")) {
            for (String user : List.of("health", "market", "supervisor", "admin", "auditor", "evaluator")) {
                assertThat(send(user, GET, path, null, byte[].class).getStatusCode()).as(user + " " + path)
                        .isEqualTo(HttpStatus.OK);
            }
        }
    }

    @Test
    void plan_settings_and_the_calendar_are_read_by_everyone_signed_in() {
        for (String user : List.of("health", "market", "citysupervisor", "evaluator", "auditor")) {
            assertThat(send(user, GET, "/api/plans/" + planId + "/reporting-cadence", null, String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.OK);
            assertThat(send(user, GET, "/api/calendar/2026", null, String.class).getStatusCode())
                    .as(user).isEqualTo(HttpStatus.OK);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * What a refused request must leave as it was: the event store, the evidence store, Camunda's processes and open
     * steps, and the views the API serves an administrator (asked of the query side directly, as the API does: over
     * HTTP each would cost a password check).
     */
    record Fingerprint(long events, long evidence, long processes, List<String> openSteps, Map<String, String> views) {
    }

    private Fingerprint fingerprint() {
        Map<String, String> views = new LinkedHashMap<>();
        for (String task : List.of("A", "R", "B", "C", "D", "O")) {
            views.put(task, asJson(access.detail(ids.get(task))));
        }
        for (String plan : List.of(planId, ids.get("otherPlan"))) {
            views.put(plan, asJson(queries.query(new FindPlan(plan), ResponseTypes.optionalInstanceOf(PlanSummary.class))
                    .join()));
            views.put(plan + " cadence", asJson(queries.query(new FindReportingCadence(plan),
                    ResponseTypes.optionalInstanceOf(ReportingCadenceSet.class)).join()));
        }
        views.put("calendar", asJson(queries.query(new ListCalendarYears(),
                ResponseTypes.multipleInstancesOf(CalendarYearView.class)).join()));
        List<String> openSteps = camundaTasks.createTaskQuery().list().stream()
                .map(step -> step.getTaskDefinitionKey() + ":" + step.getId()).sorted().toList();
        return new Fingerprint(count("domain_event_entry"), count("evidence"),
                runtime.createProcessInstanceQuery().count(), openSteps, views);
    }

    private long count(String table) {
        return Objects.requireNonNull(jdbc.queryForObject("select count(*) from " + table, Long.class));
    }

    private String asJson(Object view) {
        try {
            return objectMapper.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String resolve(String path) {
        String resolved = path;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            resolved = resolved.replace("{" + id.getKey() + "}", id.getValue());
        }
        assertThat(resolved).doesNotContain("{");
        return resolved;
    }

    private boolean escalated(String task) {
        return access.detail(ids.get(task)).reports().get(0).escalated();
    }

    private boolean isStep(Map item, String task, String step) {
        return ids.get(task).equals(item.get("taskId")) && step.equals(item.get("step"));
    }

    private List<Map> inbox(String user) {
        return List.of(http.withBasicAuth(user, "duban").getForObject("/api/inbox", Map[].class));
    }

    private Map json(String user, String path) {
        ResponseEntity<Map> response = send(user, GET, path, null, Map.class);
        assertThat(response.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<Map> send(String user, HttpMethod method, String path, Object body) {
        return send(user, method, path, body, Map.class);
    }

    private <T> ResponseEntity<T> send(String user, HttpMethod method, String path, Object body, Class<T> answer) {
        return http.withBasicAuth(user, "duban").exchange(path, method, entity(body), answer);
    }

    private static HttpEntity<?> entity(Object body) {
        HttpHeaders headers = new HttpHeaders();
        if (body == null) {
            return HttpEntity.EMPTY;
        } else if (body instanceof Csv csv) {
            headers.setContentType(MediaType.parseMediaType("text/csv"));
            return new HttpEntity<>(csv.text().getBytes(StandardCharsets.UTF_8), headers);
        } else if (body instanceof Upload upload) {
            LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
            form.add("file", new ByteArrayResource(EvidenceSamples.pdf()) {
                @Override
                public String getFilename() {
                    return upload.fileName();
                }
            });
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            return new HttpEntity<>(form, headers);
        }
        return new HttpEntity<>(body);
    }

    private Map uploadEvidence(String user, String fileName) {
        ResponseEntity<Map> stored = send(user, POST, "/api/evidence", new Upload(fileName));
        assertThat(stored.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return stored.getBody();
    }

    private static String id(Map task) {
        return (String) task.get("taskId");
    }

    private static String name(Object unit) {
        return (String) ((Map) unit).get("name");
    }
}
