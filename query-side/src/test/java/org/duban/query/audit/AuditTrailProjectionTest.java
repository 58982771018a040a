package org.duban.query.audit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.audit.AuditEntry;
import org.duban.api.audit.AuditPage;
import org.duban.api.audit.AuditSubject;
import org.duban.api.audit.FindAuditTrail;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportDrafted;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.task.FindTaskDetail;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskDetail;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;
import org.duban.query.Projections;
import org.duban.query.TransactionMemory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Given a task's events, the audit trail holds each with who, unit, role, why, the plan and task it concerns and
 * each field it set, before → after, per reporting period; the task page's timeline reads the same entries.
 */
@DataJpaTest(showSql = false)
class AuditTrailProjectionTest {
    private static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    private static final PlanPeriod PERIOD = new PlanPeriod(2024, 2027);

    @Autowired
    Projections projections;

    private final String planId = "p-" + UUID.randomUUID();
    private final String taskId = "t-" + UUID.randomUUID();

    private static ReportContent content(String narrative, int percent) {
        return new ReportContent(narrative, CompletionStatus.IN_PROGRESS, percent, List.of(), null, null, List.of());
    }

    private ReportingPeriodOpened opened(String key, LocalDate start, LocalDate end) {
        return new ReportingPeriodOpened(taskId, planId, new ReportingPeriod(key, start, end), end.plusDays(10),
                end.plusDays(20), HEALTH, List.of());
    }

    private void aTaskReportingTwoQuarters() {
        aTaskReportingTwoQuarters(false);
    }

    /**
     * @param readBack whether the trail forgets before each event what it remembers in the transaction, so that it
     *                 reads what it knows back from its tables, as it does for the first event of each transaction
     */
    private void aTaskReportingTwoQuarters(boolean readBack) {
        Object[] events = {new PlanCreated(planId, "大足区中医药传承创新发展实施方案", null, "大足区人民政府办公室", null, PERIOD,
                        null, "区政府督查室"),
                new TaskCreated(taskId, planId, null, 3, "3", "建设区中医医院新院区。", HEALTH, List.of(), null, null,
                        PERIOD, "区政府督查室"),
                opened("2026-Q3", LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30)),
                opened("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)),
                new ReportDrafted(taskId, "2026-Q4", HEALTH.unitId(), content("完成选址", 20)),
                new ReportDrafted(taskId, "2026-Q4", HEALTH.unitId(), content("完成选址和立项", 30)),
                new ReportDrafted(taskId, "2026-Q3", HEALTH.unitId(), content("完成可研", 10)),
                new ReportSubmitted(taskId, "2026-Q4", HEALTH.unitId(), 1, content("完成选址和立项", 30)),
                new ReportReturned(taskId, "2026-Q4", 1, "缺少立项批复")};
        for (Object event : events) {
            if (readBack) {
                TransactionMemory.forgetAll();
            }
            projections.given(event);
        }
    }

    private List<AuditEntry> trail(AuditSubject subject, String id) {
        return projections.query(new FindAuditTrail(subject, id, null, null, null, null, true, 0, 100),
                ResponseTypes.instanceOf(AuditPage.class)).entries();
    }

    private static List<AuditEntry.Change> changes(AuditEntry entry, String prefix) {
        return entry.changes().stream().filter(change -> change.field().startsWith(prefix)).toList();
    }

    @Test
    void every_event_of_the_task_is_in_its_trail_in_order_with_who_acted_and_the_plan_it_belongs_to() {
        aTaskReportingTwoQuarters();

        List<AuditEntry> trail = trail(AuditSubject.TASK, taskId);
        assertThat(trail).extracting(AuditEntry::eventType).containsExactly("TaskCreated", "ReportingPeriodOpened",
                "ReportingPeriodOpened", "ReportDrafted", "ReportDrafted", "ReportDrafted", "ReportSubmitted", "ReportReturned");
        assertThat(trail).extracting(AuditEntry::sequenceNumber).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(trail).allSatisfy(entry -> {
            assertThat(entry.aggregateType()).isEqualTo("Task");
            assertThat(entry.aggregateId()).isEqualTo(taskId);
            assertThat(entry.taskId()).isEqualTo(taskId);
            assertThat(entry.planId()).isEqualTo(planId);
            assertThat(entry.actorUser()).isEqualTo(Projections.USER);
            assertThat(entry.actorUnit()).isEqualTo(Projections.UNIT);
            assertThat(entry.actorRole()).isEqualTo(Projections.ROLE);
        });
        assertThat(trail.get(7).reason()).isEqualTo("缺少立项批复");
        assertThat(trail(AuditSubject.PLAN, planId)).extracting(AuditEntry::eventType).startsWith("PlanCreated", "TaskCreated")
                .hasSize(9);
        assertThat(trail(AuditSubject.UNIT, UnitIds.of(Projections.UNIT))).filteredOn(entry -> planId.equals(entry.planId()))
                .hasSize(9);
    }

    @Test
    void a_field_changed_shows_its_value_before_and_after_within_its_reporting_period() {
        aTaskReportingTwoQuarters();

        changesWithinTheirPeriods();
    }

    @Test
    void what_the_trail_reads_back_from_its_tables_gives_the_changes_it_gives_from_memory() {
        aTaskReportingTwoQuarters(true);

        changesWithinTheirPeriods();
        assertThat(trail(AuditSubject.TASK, taskId)).extracting(AuditEntry::planId).containsOnly(planId);
    }

    private void changesWithinTheirPeriods() {
        List<AuditEntry> trail = trail(AuditSubject.TASK, taskId);
        AuditEntry firstDraft = trail.get(3);
        assertThat(changes(firstDraft, "content.narrative")).containsExactly(
                new AuditEntry.Change("content.narrative", null, "完成选址"));
        AuditEntry secondDraft = trail.get(4);
        assertThat(changes(secondDraft, "content.")).extracting(AuditEntry.Change::field, AuditEntry.Change::before,
                AuditEntry.Change::after).containsExactlyInAnyOrder(
                tuple("content.narrative", "完成选址", "完成选址和立项"),
                tuple("content.percent", "20", "30"));
        // the other quarter's draft is compared with nothing of this quarter's
        AuditEntry otherQuarter = trail.get(5);
        assertThat(changes(otherQuarter, "content.narrative")).containsExactly(
                new AuditEntry.Change("content.narrative", null, "完成可研"));
    }

    @Test
    void the_task_timeline_reads_the_trail_without_the_ids_that_tie_events_to_other_things() {
        aTaskReportingTwoQuarters();

        TaskDetail detail = projections.query(new FindTaskDetail(taskId), ResponseTypes.instanceOf(TaskDetail.class));

        assertThat(detail.timeline()).extracting(TaskDetail.TimelineEntry::eventType).containsExactly("TaskCreated",
                "ReportingPeriodOpened", "ReportingPeriodOpened", "ReportDrafted", "ReportDrafted", "ReportDrafted",
                "ReportSubmitted", "ReportReturned");
        TaskDetail.TimelineEntry secondDraft = detail.timeline().get(4);
        assertThat(secondDraft.summary()).contains("content.narrative: 完成选址 → 完成选址和立项")
                .contains("content.percent: 20 → 30").doesNotContain("taskId").doesNotContain("unitId");
        assertThat(detail.timeline().get(7).reason()).isEqualTo("缺少立项批复");
        assertThat(detail.timeline().get(7).actorRole()).isEqualTo(Projections.ROLE);
    }
}
