package org.duban.query.task;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.FindPlanProgress;
import org.duban.api.reporting.FindUnitProgress;
import org.duban.api.reporting.PlanProgress;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.reporting.ReportStatus;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.reporting.UnitProgress;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskAssigned;
import org.duban.api.task.TaskCreated;
import org.duban.api.unit.UnitRef;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Given a plan's tasks and reports, the home pages' numbers: the plan's per period, the lead unit's own. */
@DataJpaTest(showSql = false)
class ProgressViewsTest {
    private static final PlanPeriod YEARS = new PlanPeriod(2024, 2027);
    private static final ReportingPeriod Q3 = new ReportingPeriod("2026-Q3", LocalDate.of(2026, 7, 1),
            LocalDate.of(2026, 9, 30));
    private static final ReportingPeriod Q4 = new ReportingPeriod("2026-Q4", LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 12, 31));
    private static final ReportContent CONTENT = new ReportContent("完成选址", CompletionStatus.IN_PROGRESS, 30,
            List.of(), null, null, List.of());

    @Autowired
    Projections projections;

    private final String planId = "p-" + UUID.randomUUID();
    private final UnitRef health = new UnitRef("unit-health-" + UUID.randomUUID(), "区卫生健康委");
    private final UnitRef finance = new UnitRef("unit-finance-" + UUID.randomUUID(), "区财政局");

    private String task(int number, UnitRef lead, LocalDate acknowledgeBy) {
        String taskId = "t-" + UUID.randomUUID();
        projections.given(new TaskCreated(taskId, planId, null, number, String.valueOf(number), "任务" + number, lead,
                        List.of(), null, null, YEARS, "区政府督查室"),
                new TaskAssigned(taskId, planId, lead, List.of(), acknowledgeBy));
        return taskId;
    }

    private void opened(String taskId, ReportingPeriod period, UnitRef lead) {
        projections.given(new ReportingPeriodOpened(taskId, planId, period, period.end().plusDays(10),
                period.end().plusDays(20), lead, List.of()));
    }

    private void aPlan() {
        projections.given(new PlanCreated(planId, "大足区中医药传承创新发展实施方案", null, "大足区人民政府办公室", null, YEARS,
                null, "区政府督查室"));
    }

    @Test
    void a_plan_counts_its_tasks_acknowledged_and_each_period_reports_by_status_latest_period_first() {
        aPlan();
        String accepted = task(1, health, LocalDate.of(2026, 6, 30));
        String returned = task(2, health, LocalDate.of(2026, 6, 30));
        String overdue = task(3, finance, LocalDate.of(2026, 6, 30));
        task(4, finance, LocalDate.of(2026, 6, 30));
        for (String taskId : List.of(accepted, returned, overdue)) {
            projections.given(new TaskAcknowledged(taskId, "unit"));
        }
        for (String taskId : List.of(accepted, returned)) {
            opened(taskId, Q3, health);
            projections.given(new ReportSubmitted(taskId, "2026-Q3", health.unitId(), 1, CONTENT),
                    new ReportAccepted(taskId, "2026-Q3", 1, "好"));
        }
        opened(accepted, Q4, health);
        opened(returned, Q4, health);
        opened(overdue, Q4, finance);
        projections.given(new ReportSubmitted(accepted, "2026-Q4", health.unitId(), 1, CONTENT),
                new ReportAccepted(accepted, "2026-Q4", 1, "好"),
                new ReportSubmitted(returned, "2026-Q4", health.unitId(), 1, CONTENT),
                new ReportReturned(returned, "2026-Q4", 1, "缺少佐证"),
                new ReportMarkedOverdue(overdue, "2026-Q4", LocalDate.of(2027, 1, 20)));

        PlanProgress progress = projections.query(new FindPlanProgress(planId), ResponseTypes.instanceOf(PlanProgress.class));

        assertThat(progress.tasks()).isEqualTo(4);
        assertThat(progress.acknowledged()).isEqualTo(3);
        assertThat(progress.periods()).extracting(PlanProgress.Period::periodKey, PlanProgress.Period::reports,
                        PlanProgress.Period::withUnit, PlanProgress.Period::submitted, PlanProgress.Period::accepted,
                        PlanProgress.Period::returned, PlanProgress.Period::overdue)
                .containsExactly(tuple("2026-Q4", 3, 2, 0, 1, 1, 1), tuple("2026-Q3", 2, 0, 0, 2, 0, 0));
        assertThat(progress.current().periodKey()).isEqualTo("2026-Q4");
    }

    @Test
    void a_plan_with_no_period_opened_has_no_current_period() {
        aPlan();
        task(1, health, LocalDate.of(2026, 6, 30));

        PlanProgress progress = projections.query(new FindPlanProgress(planId), ResponseTypes.instanceOf(PlanProgress.class));

        assertThat(progress.tasks()).isEqualTo(1);
        assertThat(progress.acknowledged()).isZero();
        assertThat(progress.current()).isNull();
    }

    @Test
    void a_lead_unit_counts_what_waits_on_it_and_lists_its_nearest_deadlines_of_its_own_tasks_only() {
        aPlan();
        String toAcknowledge = task(1, health, LocalDate.of(2026, 12, 5));
        String toWrite = task(2, health, LocalDate.of(2026, 6, 30));
        String returned = task(3, health, LocalDate.of(2026, 6, 30));
        String submitted = task(4, health, LocalDate.of(2026, 6, 30));
        String financeOwn = task(5, finance, LocalDate.of(2026, 11, 1));
        for (String taskId : List.of(toWrite, returned, submitted)) {
            projections.given(new TaskAcknowledged(taskId, health.unitId()));
            opened(taskId, Q4, health);
        }
        opened(toWrite, Q3, health);
        projections.given(new ReportMarkedOverdue(toWrite, "2026-Q3", LocalDate.of(2026, 10, 20)),
                new ReportSubmitted(returned, "2026-Q4", health.unitId(), 1, CONTENT),
                new ReportReturned(returned, "2026-Q4", 1, "缺少佐证"),
                new ReportSubmitted(submitted, "2026-Q4", health.unitId(), 1, CONTENT));

        UnitProgress progress = projections.query(new FindUnitProgress(health.unitId(), 3),
                ResponseTypes.instanceOf(UnitProgress.class));

        assertThat(progress.toAcknowledge()).isEqualTo(1);
        assertThat(progress.toWrite()).isEqualTo(2);
        assertThat(progress.returned()).isEqualTo(1);
        assertThat(progress.overdue()).isEqualTo(1);
        assertThat(progress.deadlines()).extracting(UnitProgress.Deadline::taskId, UnitProgress.Deadline::periodKey,
                        UnitProgress.Deadline::status, UnitProgress.Deadline::due)
                .containsExactly(tuple(toWrite, "2026-Q3", ReportStatus.OPEN, LocalDate.of(2026, 10, 10)),
                        tuple(toAcknowledge, null, null, LocalDate.of(2026, 12, 5)),
                        tuple(toWrite, "2026-Q4", ReportStatus.OPEN, LocalDate.of(2027, 1, 10)));
        assertThat(progress.deadlines()).extracting(UnitProgress.Deadline::taskId).doesNotContain(financeOwn, submitted);
        assertThat(progress.deadlines().get(1).acknowledgement()).isTrue();
        assertThat(progress.deadlines().get(1).shownNumber()).isEqualTo("1");
    }
}
