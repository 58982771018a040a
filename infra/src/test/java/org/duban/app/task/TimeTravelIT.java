package org.duban.app.task;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.duban.api.reporting.ReportDrafted;
import org.duban.app.support.DubanIntegrationTest;
import org.duban.app.support.PlanTrees;
import org.duban.process.WorkflowClock;
import org.duban.query.task.ReplayObserver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duban.app.support.Uploads.dazuPlan;
import static org.duban.app.support.Uploads.sample;
import static org.duban.app.support.Uploads.upload;

/**
 * A unit submits its report on a task while an auditor reads that task as of last month: the read is held open in
 * the middle of its replay, and the submission does not wait for it. The past is rebuilt apart from the live views,
 * so it holds no lock on the rows the unit writes.
 */
@DubanIntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class TimeTravelIT {
    private static final Clock EVENT_CLOCK = Clock.tickMillis(ZoneOffset.UTC);
    private static final Duration HELD_AT_MOST = Duration.ofSeconds(60);
    private static final Duration PROMPTLY = Duration.ofSeconds(15);

    @Autowired
    TestRestTemplate http;
    @Autowired
    HeldReplay held;

    /** Holds a time-travel replay open at a report's draft, once armed, until released. */
    static class HeldReplay implements ReplayObserver {
        private volatile CountDownLatch replaying;
        private volatile CountDownLatch release;

        void arm() {
            replaying = new CountDownLatch(1);
            release = new CountDownLatch(1);
        }

        boolean awaitReplaying() throws InterruptedException {
            return replaying.await(HELD_AT_MOST.toSeconds(), TimeUnit.SECONDS);
        }

        void release() {
            if (release != null) {
                release.countDown();
            }
        }

        @Override
        public void replayed(DomainEventMessage<?> event) {
            CountDownLatch held = release;
            if (held != null && event.getPayload() instanceof ReportDrafted) {
                replaying.countDown();
                try {
                    held.await(HELD_AT_MOST.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @TestConfiguration
    static class Hook {
        @Bean
        HeldReplay heldReplay() {
            return new HeldReplay();
        }
    }

    @AfterEach
    void resetClocks() {
        held.release();
        GenericEventMessage.clock = EVENT_CLOCK;
        ClockUtil.reset();
    }

    @Test
    void a_unit_submits_on_a_task_while_another_user_reads_it_as_of_last_month_without_waiting() throws Exception {
        // six weeks ago: the plan is published, the task acknowledged, its quarter opened and its report drafted
        GenericEventMessage.clock = Clock.offset(EVENT_CLOCK, Duration.ofDays(-42));
        ClockUtil.setCurrentTime(WorkflowClock.startOf(LocalDate.of(2026, 10, 15)));
        String planId = (String) upload(http, "supervisor", "dazu.csv", sample("dazu-tcm-task-decomposition-2024.csv"),
                dazuPlan()).getBody().get("planId");
        call("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-request", Map.of());
        call("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/publication-approval", Map.of());
        Map tree = call("supervisor", HttpMethod.GET, "/api/plans/" + planId + "/tree", null);
        String taskId = (String) PlanTrees.ledBy(tree, "区卫生健康委").get(0).get("taskId");
        call("health", HttpMethod.POST, "/api/tasks/" + taskId + "/acknowledgement", Map.of());
        call("supervisor", HttpMethod.PUT, "/api/plans/" + planId + "/reporting-cadence", Map.of("cadence", "QUARTERLY"));
        call("supervisor", HttpMethod.POST, "/api/plans/" + planId + "/reporting-periods", Map.of("period", "2026-Q4"));
        String q4 = "/api/tasks/" + taskId + "/reports/2026-Q4";
        call("health", HttpMethod.PUT, q4 + "/draft", Map.of("narrative", "完成选址", "status", "IN_PROGRESS", "percent", 20));
        GenericEventMessage.clock = EVENT_CLOCK;
        Instant lastMonth = Instant.now().minus(Duration.ofDays(30));

        held.arm();
        CompletableFuture<Map> then = CompletableFuture.supplyAsync(() ->
                call("auditor", HttpMethod.GET, "/api/tasks/" + taskId + "?asOf=" + lastMonth, null));
        assertThat(held.awaitReplaying()).as("the read of last month is replaying").isTrue();

        Instant submitting = Instant.now();
        CompletableFuture<Map> submitted = CompletableFuture.supplyAsync(() -> call("health", HttpMethod.POST,
                q4 + "/submission", Map.of("narrative", "完成选址和立项", "status", "IN_PROGRESS", "percent", 30)));
        Map submission = submitted.get(PROMPTLY.toSeconds(), TimeUnit.SECONDS);
        assertThat(Duration.between(submitting, Instant.now())).isLessThan(PROMPTLY);
        assertThat(then).as("the read of last month is still held open").isNotDone();
        assertThat(((List<Map>) submission.get("reports")).get(0)).containsEntry("status", "SUBMITTED").containsEntry("round", 1);

        held.release();
        Map past = then.get(HELD_AT_MOST.toSeconds(), TimeUnit.SECONDS);
        Map reportThen = ((List<Map>) past.get("reports")).get(0);
        assertThat(reportThen).containsEntry("status", "DRAFTED").containsEntry("round", 0);
        assertThat((List) reportThen.get("rounds")).isEmpty();
        assertThat((Map) reportThen.get("draft")).containsEntry("narrative", "完成选址");
        assertThat((Map) past.get("summary")).containsEntry("status", "ACKNOWLEDGED");
        assertThat((List<Map>) past.get("timeline")).extracting(e -> e.get("eventType")).last().isEqualTo("ReportDrafted");
        // the present has the submission, and the replay left it as it was
        Map now = call("health", HttpMethod.GET, "/api/tasks/" + taskId, null);
        assertThat(((List<Map>) now.get("reports")).get(0)).containsEntry("status", "SUBMITTED").containsEntry("round", 1);
        assertThat((List<Map>) ((List<Map>) now.get("reports")).get(0).get("rounds")).singleElement()
                .satisfies(round -> assertThat(round).containsEntry("submittedBy", "health"));
    }

    private Map call(String user, HttpMethod method, String path, Map body) {
        ResponseEntity<Map> response = http.withBasicAuth(user, "duban").exchange(path, method,
                body == null ? null : new HttpEntity<>(body), Map.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(method + " " + path + " → " + response.getBody()).isTrue();
        return response.getBody();
    }
}
