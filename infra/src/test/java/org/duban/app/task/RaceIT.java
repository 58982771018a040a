package org.duban.app.task;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.app.support.Clients;
import org.duban.app.support.Clients.Answer;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.process.WorkflowClock;
import org.duban.process.plan.PlanPublication;
import org.duban.process.reporting.ProgressReporting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.PlanTrees.ledBy;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;

/**
 * Issue 9 (3): many clients at once on one task or plan. A step taken by several at once is taken once: one answer
 * is a success, every other a 409 with a problem body, never a 5xx, and the event store holds the step's events
 * once. Steps that only share an aggregate (two periods' reports of one task, drafts) all succeed: the loser of the
 * race on the task's event sequence is run again.
 */
@DubanIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SuppressWarnings({"rawtypes", "unchecked"})
class RaceIT {
    private static final String HEALTH = "区卫生健康委";
    private static final String Q3 = "2026-Q3";
    private static final String Q4 = "2026-Q4";
    private static final int CLIENTS = 50;
    private static final Map<String, Object> CONTENT = Map.of("narrative", "已完成主体结构", "status", "IN_PROGRESS",
            "percent", 60, "evidence", List.of());

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService camundaTasks;

    private Clients clients;
    private String planId;
    /** Tasks led by 区卫生健康委: the first waits for its acknowledgement, the others report for Q3 and Q4. */
    private List<String> tasks;

    @BeforeAll
    void publishThePlanAndOpenTwoPeriods() {
        clients = new Clients(port);
        // both periods' due dates lie ahead, so no timer of theirs fires during the races
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 7, 1)));
        planId = importPlan("dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"), dazuPlan());
        publish(planId);
        tasks = ledBy(ok(clients.send("supervisor", "GET", "/api/plans/" + planId + "/tree", null, null)).json(), HEALTH)
                .stream().limit(10).map(task -> (String) task.get("taskId")).toList();
        assertThat(tasks).hasSize(10);
        for (String task : tasks.subList(1, tasks.size())) {
            ok(clients.send("health", "POST", "/api/tasks/" + task + "/acknowledgement", null, null));
        }
        ok(clients.sendJson("supervisor", "PUT", "/api/plans/" + planId + "/reporting-cadence",
                Map.of("cadence", "QUARTERLY", "dueDay", 10, "graceWorkingDays", 3)));
        for (String period : List.of(Q3, Q4)) {
            assertThat(ok(clients.sendJson("supervisor", "POST", "/api/plans/" + planId + "/reporting-periods",
                    Map.of("period", period))).json()).containsEntry("reports", tasks.size() - 1);
        }
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fifty_acknowledgements_of_one_task_acknowledge_it_once() {
        String task = tasks.get(0);
        List<Answer> answers = Clients.race(CLIENTS, i -> clients.send("health", "POST",
                "/api/tasks/" + task + "/acknowledgement", null, null));

        assertOneSuccessTheRestRefused(answers);
        assertThat(events(task, "TaskAcknowledged")).isEqualTo(1);
        assertThat(camundaTasks.createTaskQuery().processInstanceBusinessKey(task).taskDefinitionKey("acknowledgeTask")
                .count()).isZero();
    }

    @Test
    void fifty_submissions_and_then_fifty_reviews_of_one_report_each_happen_once() {
        String task = tasks.get(1);
        String report = "/api/tasks/" + task + "/reports/" + Q3;

        List<Answer> submissions = Clients.race(CLIENTS, i -> clients.sendJson("health", "POST", report + "/submission",
                CONTENT));
        assertOneSuccessTheRestRefused(submissions);
        assertThat(events(task, "ReportSubmitted")).isEqualTo(1);

        List<Answer> reviews = Clients.race(CLIENTS, i -> clients.sendJson("supervisor", "POST", report + "/review",
                Map.of("accepted", true, "reason", "同意")));
        assertOneSuccessTheRestRefused(reviews);
        assertThat(events(task, "ReportAccepted")).isEqualTo(1);
        assertThat(events(task, "ReportReturned")).isZero();
        assertThat(camundaTasks.createTaskQuery().processInstanceBusinessKey(ProgressReporting.businessKey(task, Q3))
                .count()).isZero();
    }

    @Test
    void reports_of_two_periods_of_one_task_submitted_at_once_are_all_stored() {
        List<String> reporting = tasks.subList(2, 7);
        List<Answer> answers = Clients.race(reporting.size() * 2, i -> clients.sendJson("health", "POST",
                "/api/tasks/" + reporting.get(i / 2) + "/reports/" + (i % 2 == 0 ? Q3 : Q4) + "/submission",
                CONTENT));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        for (String task : reporting) {
            assertThat(events(task, "ReportSubmitted")).as(task).isEqualTo(2);
            assertThat(camundaTasks.createTaskQuery().processInstanceBusinessKeyLike(task + "/%")
                    .taskDefinitionKey(ProgressReporting.REVIEW).count()).as(task).isEqualTo(2);
        }
    }

    @Test
    void drafts_of_two_periods_saved_at_once_are_all_stored() {
        String task = tasks.get(7);
        List<Answer> answers = Clients.race(40, i -> clients.sendJson("health", "PUT",
                "/api/tasks/" + task + "/reports/" + (i % 2 == 0 ? Q3 : Q4) + "/draft",
                Map.of("narrative", "草稿 " + i, "status", "IN_PROGRESS", "percent", i, "evidence", List.of())));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        assertThat(events(task, "ReportDrafted")).isEqualTo(40);
    }

    @Test
    void a_period_opened_by_many_at_once_opens_each_report_once() {
        String period = "2027-Q1";
        List<Answer> answers = Clients.race(10, i -> clients.sendJson("supervisor", "POST",
                "/api/plans/" + planId + "/reporting-periods", Map.of("period", period)));

        assertNoServerErrorAndProblemBodies(answers);
        int opened = answers.stream().filter(answer -> answer.status() == 200)
                .mapToInt(answer -> (Integer) answer.json().get("reports")).sum();
        // the first task is acknowledged only if its race ran before this one
        long acknowledged = tasks.size() - 1 + events(tasks.get(0), "TaskAcknowledged");
        assertThat((long) opened).isEqualTo(acknowledged).isEqualTo(reportsOpened(period)).isEqualTo(
                runtime.createProcessInstanceQuery().processDefinitionKey(ProgressReporting.PROCESS_KEY)
                        .processInstanceBusinessKeyLike("%/" + period).count());
    }

    @Test
    void a_publication_approved_by_many_at_once_publishes_the_plan_once() {
        String plan = smallPlan("（并发审批测试）", "大足府办发〔2024〕301号");
        assertThat(clients.send("supervisor", "POST", "/api/plans/" + plan + "/publication-request", null, null)
                .status()).isEqualTo(202);

        List<Answer> answers = Clients.race(20, i -> clients.send("supervisor", "POST",
                "/api/plans/" + plan + "/publication-approval", null, null));

        assertNoServerErrorAndProblemBodies(answers);
        assertThat(answers.stream().filter(answer -> answer.status() == 200)).hasSize(1);
        assertThat(events(plan, "PlanPublished")).isEqualTo(1);
    }

    @Test
    void a_publication_requested_by_many_at_once_waits_for_one_approval() {
        String plan = smallPlan("（并发申请测试）", "大足府办发〔2024〕302号");

        List<Answer> answers = Clients.race(20, i -> clients.send("supervisor", "POST",
                "/api/plans/" + plan + "/publication-request", null, null));

        assertNoServerErrorAndProblemBodies(answers);
        assertThat(answers.stream().filter(answer -> answer.status() == 202)).isNotEmpty();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(PlanPublication.PROCESS_KEY)
                .processInstanceBusinessKey(plan).count()).isEqualTo(1);
        assertThat(ok(clients.send("supervisor", "POST", "/api/plans/" + plan + "/publication-approval", null, null))
                .json()).containsEntry("status", "PUBLISHED");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void assertOneSuccessTheRestRefused(List<Answer> answers) {
        assertThat(answers.stream().filter(answer -> answer.status() / 100 == 2)).as(answers.toString()).hasSize(1);
        assertThat(answers.stream().filter(answer -> answer.status() / 100 != 2)).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
            assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            assertThat(answer.json().get("code")).as(answer.toString()).isIn("step.not-waiting", "changed-meanwhile");
        });
    }

    private static void assertNoServerErrorAndProblemBodies(List<Answer> answers) {
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isLessThan(500);
            if (answer.status() >= 400) {
                assertThat(answer.isProblem()).as(answer.toString()).isTrue();
            }
        });
    }

    private long events(String aggregate, String type) {
        return Objects.requireNonNull(jdbc.queryForObject("select count(*) from domain_event_entry "
                + "where aggregate_identifier = ? and payload_type like ?", Long.class, aggregate, "%." + type));
    }

    private long reportsOpened(String period) {
        return jdbc.query("select payload from domain_event_entry where payload_type like ?",
                        (row, i) -> new String(row.getBytes(1), StandardCharsets.UTF_8), "%.ReportingPeriodOpened")
                .stream().filter(payload -> payload.contains(period)).count();
    }

    private Answer ok(Answer answer) {
        assertThat(answer.status() / 100).as(answer.toString()).isEqualTo(2);
        return answer;
    }

    private String importPlan(String fileName, byte[] content, Map<String, String> fields) {
        Answer imported = clients.upload("supervisor", "/api/plans/imports", fileName, content, fields);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        return (String) imported.json().get("planId");
    }

    private void publish(String plan) {
        assertThat(clients.send("supervisor", "POST", "/api/plans/" + plan + "/publication-request", null, null)
                .status()).isEqualTo(202);
        ok(clients.send("supervisor", "POST", "/api/plans/" + plan + "/publication-approval", null, null));
    }

    private String smallPlan(String titleSuffix, String documentNumber) {
        String csv = """
                一级指标,二级指标,三级指标,具体任务,责任单位
                一、中药产业园区建设工程,（一）建设中药材交易市场,1.建设区级中药材交易市场,建成区级中药材交易市场1个。,区发展改革委、区财政局
                """;
        Map<String, String> fields = new LinkedHashMap<>(dazuPlan());
        fields.put("title", "大足区中药产业园区建设任务分解" + titleSuffix);
        fields.put("documentNumber", documentNumber);
        return importPlan("small.csv", csv.getBytes(StandardCharsets.UTF_8), fields);
    }
}
