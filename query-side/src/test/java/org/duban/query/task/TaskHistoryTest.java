package org.duban.query.task;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.plan.FindPlanAsOf;
import org.duban.api.plan.PlanAsOf;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.PlanPublished;
import org.duban.api.plan.PlanStatus;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportDrafted;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.reporting.ReportStatus;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.task.FindTaskDetail;
import org.duban.api.task.FindTaskDetailAsOf;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskAssigned;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskDetail;
import org.duban.api.task.TaskStatus;
import org.duban.api.unit.UnitRef;
import org.duban.query.Projections;
import org.duban.query.ScratchDatabases;
import org.duban.query.audit.AuditTrail;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task as it stood at a past moment is replayed from its events into a scratch database, through the projections
 * that keep the present: the live views are not written, and reads of different moments running at once do not see
 * each other's rows.
 */
@DataJpaTest(showSql = false)
@Transactional(propagation = Propagation.NOT_SUPPORTED) // committed, so that reads on other threads see the live views
class TaskHistoryTest {
    private static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    private static final PlanPeriod PERIOD = new PlanPeriod(2024, 2027);
    private static final String Q4 = "2026-Q4";

    @Autowired
    Projections projections;
    @Autowired
    JdbcTemplate live;
    @Autowired
    AuditTrail trail;
    @Autowired
    PlatformTransactionManager transactions;

    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final ScratchDatabases scratch = new ScratchDatabases(TaskHistoryTest::scratchDatabase, 2);
    private final String planId = "p-" + UUID.randomUUID();
    private final String taskId = "t-" + UUID.randomUUID();
    private Instant beforeTheTask;
    private Instant whileDrafted;
    private Instant afterTheReturn;

    static DataSource scratchDatabase() {
        SingleConnectionDataSource database = new SingleConnectionDataSource("jdbc:h2:mem:scratch-" + UUID.randomUUID(),
                "sa", "", true);
        Flyway.configure().dataSource(database).configuration(flywaySettings()).load().migrate();
        return database;
    }

    /** The test schema's Flyway settings (scripts and H2's placeholders), as the projection tests' context reads them. */
    private static Properties flywaySettings() {
        Properties settings = new Properties();
        try (InputStream in = TaskHistoryTest.class.getResourceAsStream("/application.properties")) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties flyway = new Properties();
        settings.stringPropertyNames().stream().filter(key -> key.startsWith("spring.flyway."))
                .forEach(key -> flyway.setProperty(key.replace("spring.flyway.placeholders.", "flyway.placeholders.")
                        .replace("spring.flyway.", "flyway."), settings.getProperty(key)));
        return flyway;
    }

    @AfterEach
    void closeScratchDatabases() throws Exception {
        scratch.close();
        events.shutDown();
    }

    private static ReportContent content(String narrative, int percent) {
        return new ReportContent(narrative, CompletionStatus.IN_PROGRESS, percent, List.of(), null, null, List.of());
    }

    /** The events happen in the live views and in the event store, as the application's unit of work does. */
    private void happened(Object... happened) {
        List<DomainEventMessage<?>> messages = new TransactionTemplate(transactions)
                .execute(status -> projections.given(happened));
        events.publish(new ArrayList<>(messages));
    }

    private void aReportDraftedThenSubmittedAndReturned() {
        happened(new PlanCreated(planId, "大足区中医药传承创新发展实施方案", null, "大足区人民政府办公室", null, PERIOD, null,
                "区政府督查室"), new PlanPublished(planId));
        beforeTheTask = projections.lastEventAt();
        happened(new TaskCreated(taskId, planId, null, 3, "3", "建设区中医医院新院区。", HEALTH, List.of(), null, null, PERIOD,
                        "区政府督查室"),
                new TaskAssigned(taskId, planId, HEALTH, List.of(), LocalDate.of(2026, 10, 20)),
                new TaskAcknowledged(taskId, HEALTH.unitId()),
                new ReportingPeriodOpened(taskId, planId, new ReportingPeriod(Q4, LocalDate.of(2026, 10, 1),
                        LocalDate.of(2026, 12, 31)), LocalDate.of(2027, 1, 10), LocalDate.of(2027, 1, 20), HEALTH, List.of()),
                new ReportDrafted(taskId, Q4, HEALTH.unitId(), content("完成选址", 20)));
        whileDrafted = projections.lastEventAt();
        happened(new ReportSubmitted(taskId, Q4, HEALTH.unitId(), 1, content("完成选址和立项", 30)),
                new ReportReturned(taskId, Q4, 1, "缺少立项批复"));
        afterTheReturn = projections.lastEventAt();
    }

    private TaskHistory history(ReplayObserver observer) {
        return new TaskHistory(events, live, trail, scratch, observer);
    }

    private List<Map<String, Object>> liveRowsOfTheTask() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String table : List.of("task_work", "task_adjustment", "task_co_unit_confirmation", "task_report",
                "task_report_round", "task_contribution", "task_contribution_closed")) {
            rows.addAll(live.queryForList("select * from " + table + " where task_id = ?", taskId));
        }
        return rows;
    }

    @Test
    void a_task_as_of_a_moment_shows_its_state_then_and_its_timeline_up_to_then_and_the_present_is_untouched() {
        aReportDraftedThenSubmittedAndReturned();
        List<Map<String, Object>> present = liveRowsOfTheTask();

        TaskDetail then = history(ReplayObserver.NONE).handle(new FindTaskDetailAsOf(taskId, whileDrafted)).orElseThrow();

        assertThat(then.summary().status()).isEqualTo(TaskStatus.ACKNOWLEDGED);
        assertThat(then.summary().text()).isEqualTo("建设区中医医院新院区。");
        assertThat(then.reports()).singleElement().satisfies(report -> {
            assertThat(report.status()).isEqualTo(ReportStatus.DRAFTED);
            assertThat(report.round()).isZero();
            assertThat(report.rounds()).isEmpty();
            assertThat(report.draft().narrative()).isEqualTo("完成选址");
        });
        assertThat(then.timeline()).extracting(TaskDetail.TimelineEntry::eventType).containsExactly("TaskCreated",
                "TaskAssigned", "TaskAcknowledged", "ReportingPeriodOpened", "ReportDrafted");
        assertThat(liveRowsOfTheTask()).isEqualTo(present);
        TaskDetail now = projections.query(new FindTaskDetail(taskId), ResponseTypes.instanceOf(TaskDetail.class));
        assertThat(now.reports()).singleElement().satisfies(report -> assertThat(report.status()).isEqualTo(ReportStatus.RETURNED));
    }

    @Test
    void a_task_before_its_first_event_did_not_exist() {
        aReportDraftedThenSubmittedAndReturned();

        assertThat(history(ReplayObserver.NONE).handle(new FindTaskDetailAsOf(taskId, beforeTheTask))).isEmpty();
    }

    @Test
    void reads_of_two_moments_at_once_are_replayed_side_by_side_and_each_sees_only_its_own_past() throws Exception {
        aReportDraftedThenSubmittedAndReturned();
        // each read waits, mid-replay, until the other is mid-replay too: they hold their scratch rows at the same time
        CyclicBarrier bothReplaying = new CyclicBarrier(2);
        TaskHistory history = history(event -> {
            if (event.getPayload() instanceof ReportingPeriodOpened) {
                try {
                    bothReplaying.await(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("the other read was not replaying at the same time", e);
                }
            }
        });

        CompletableFuture<TaskDetail> drafted = CompletableFuture.supplyAsync(() ->
                history.handle(new FindTaskDetailAsOf(taskId, whileDrafted)).orElseThrow());
        CompletableFuture<TaskDetail> returned = CompletableFuture.supplyAsync(() ->
                history.handle(new FindTaskDetailAsOf(taskId, afterTheReturn)).orElseThrow());

        assertThat(drafted.get(30, TimeUnit.SECONDS).reports()).singleElement().satisfies(report -> {
            assertThat(report.status()).isEqualTo(ReportStatus.DRAFTED);
            assertThat(report.rounds()).isEmpty();
        });
        assertThat(returned.get(30, TimeUnit.SECONDS).reports()).singleElement().satisfies(report -> {
            assertThat(report.status()).isEqualTo(ReportStatus.RETURNED);
            assertThat(report.draft()).isNull();
            assertThat(report.rounds()).singleElement().satisfies(round -> {
                assertThat(round.outcome()).isEqualTo("RETURNED");
                assertThat(round.reason()).isEqualTo("缺少立项批复");
            });
        });
    }

    @Test
    void a_scratch_database_is_empty_again_for_the_next_read() {
        aReportDraftedThenSubmittedAndReturned();
        history(ReplayObserver.NONE).handle(new FindTaskDetailAsOf(taskId, afterTheReturn));

        Long rowsLeft = scratch.use(past -> past.queryForObject("select (select count(*) from task_work) "
                + "+ (select count(*) from task_report) + (select count(*) from task_report_round)", Long.class));
        assertThat(rowsLeft).isZero();
    }

    @Test
    void a_plan_as_of_a_moment_has_its_status_then_and_each_task_as_it_stood() {
        aReportDraftedThenSubmittedAndReturned();

        PlanAsOf then = history(ReplayObserver.NONE).handle(new FindPlanAsOf(planId, whileDrafted)).orElseThrow();

        assertThat(then.status()).isEqualTo(PlanStatus.PUBLISHED);
        assertThat(then.tasks()).singleElement().satisfies(task -> {
            assertThat(task.taskId()).isEqualTo(taskId);
            assertThat(task.status()).isEqualTo(TaskStatus.ACKNOWLEDGED);
            assertThat(task.reports()).containsExactly(new PlanAsOf.ReportState(Q4, ReportStatus.DRAFTED, 0, false));
        });
        assertThat(history(ReplayObserver.NONE).handle(new FindPlanAsOf(planId, beforeTheTask)).orElseThrow().tasks())
                .isEmpty();
    }
}
