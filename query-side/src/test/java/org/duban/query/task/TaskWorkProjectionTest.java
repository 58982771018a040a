package org.duban.query.task;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.CoUnitConfirmationExpired;
import org.duban.api.task.CoUnitPartConfirmed;
import org.duban.api.task.FindTaskDetail;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskAdjustmentApproved;
import org.duban.api.task.TaskAdjustmentRejected;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.api.task.TaskAssigned;
import org.duban.api.task.TaskClosed;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskDetail;
import org.duban.api.task.TaskStatus;
import org.duban.api.task.TaskSummary;
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

/** Given a task's events, its status moves through its workflow and each adjustment request keeps its decision. */
@DataJpaTest(showSql = false)
class TaskWorkProjectionTest {
    private static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    private static final UnitRef FINANCE = new UnitRef("unit-finance", "区财政局");
    private static final UnitRef MARKET = new UnitRef("unit-market", "区市场监管局");
    private static final PlanPeriod PERIOD = new PlanPeriod(2024, 2027);
    private static final LocalDate ACKNOWLEDGE_BY = LocalDate.of(2026, 10, 20);

    @Autowired
    Projections projections;

    private final String planId = "p-" + UUID.randomUUID();
    private final String taskId = "t-" + UUID.randomUUID();

    private void anAssignedTask() {
        projections.given(new PlanCreated(planId, "大足区中医药传承创新发展实施方案", null, "大足区人民政府办公室", null, PERIOD,
                        null, "区政府督查室"),
                new TaskCreated(taskId, planId, null, 3, "3", "建设区中医医院新院区。", HEALTH, List.of(FINANCE), null, null,
                        PERIOD, "区政府督查室"),
                new TaskAssigned(taskId, planId, HEALTH, List.of(FINANCE), ACKNOWLEDGE_BY));
    }

    private TaskDetail detail() {
        return projections.query(new FindTaskDetail(taskId), ResponseTypes.instanceOf(TaskDetail.class));
    }

    @Test
    void a_created_task_waits_for_assignment_and_an_assigned_one_for_acknowledgement_by_its_date() {
        projections.given(new PlanCreated(planId, "大足区中医药传承创新发展实施方案", null, "大足区人民政府办公室", null, PERIOD,
                        null, "区政府督查室"),
                new TaskCreated(taskId, planId, null, 3, "3", "建设区中医医院新院区。", HEALTH, List.of(FINANCE), null, null,
                        PERIOD, "区政府督查室"));
        assertThat(detail().summary().status()).isEqualTo(TaskStatus.CREATED);
        assertThat(detail().summary().acknowledgeBy()).isNull();

        projections.given(new TaskAssigned(taskId, planId, HEALTH, List.of(FINANCE), ACKNOWLEDGE_BY));

        TaskSummary summary = detail().summary();
        assertThat(summary.status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(summary.acknowledgeBy()).isEqualTo(ACKNOWLEDGE_BY);
        assertThat(summary.leadUnit()).isEqualTo(HEALTH);
        assertThat(summary.coUnits()).containsExactly(FINANCE);
        assertThat(summary.planId()).isEqualTo(planId);
        assertThat(summary.planTitle()).isEqualTo("大足区中医药传承创新发展实施方案");
    }

    @Test
    void an_approved_adjustment_returns_the_task_to_assigned_and_keeps_who_decided_why() {
        anAssignedTask();
        projections.given(new TaskAdjustmentRequested(taskId, HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "2026-12-31",
                null, "用地审批延后"));
        assertThat(detail().summary().status()).isEqualTo(TaskStatus.ADJUSTMENT_REQUESTED);
        assertThat(detail().adjustments()).singleElement().satisfies(pending -> {
            assertThat(pending.outcome()).isNull();
            assertThat(pending.decidedAt()).isNull();
        });

        projections.given(new TaskAdjustmentApproved(taskId, "a-1", AdjustmentKind.DUE_DATE, "2026-12-31", null, "同意延期"));

        TaskDetail detail = detail();
        assertThat(detail.summary().status()).isEqualTo(TaskStatus.ASSIGNED);
        assertThat(detail.adjustments()).singleElement().satisfies(adjustment -> {
            assertThat(adjustment.adjustmentId()).isEqualTo("a-1");
            assertThat(adjustment.kind()).isEqualTo(AdjustmentKind.DUE_DATE);
            assertThat(adjustment.proposal()).isEqualTo("2026-12-31");
            assertThat(adjustment.reason()).isEqualTo("用地审批延后");
            assertThat(adjustment.requestedBy()).isEqualTo(Projections.USER);
            assertThat(adjustment.outcome()).isEqualTo("APPROVED");
            assertThat(adjustment.decisionReason()).isEqualTo("同意延期");
            assertThat(adjustment.decidedBy()).isEqualTo(Projections.USER);
            assertThat(adjustment.decidedAt()).isAfter(adjustment.requestedAt());
        });
    }

    @Test
    void a_rejected_adjustment_is_kept_beside_the_next_request_in_the_order_they_were_made() {
        anAssignedTask();
        projections.given(new TaskAdjustmentRequested(taskId, HEALTH.unitId(), "a-1", AdjustmentKind.TEXT, "改为新建", null, "规划调整"),
                new TaskAdjustmentRejected(taskId, "a-1", "不符合规划"),
                new TaskAdjustmentRequested(taskId, HEALTH.unitId(), "a-2", AdjustmentKind.DUE_DATE, "2027-06-30", null, "资金未到位"));

        TaskDetail detail = detail();
        assertThat(detail.summary().status()).isEqualTo(TaskStatus.ADJUSTMENT_REQUESTED);
        assertThat(detail.adjustments()).extracting(TaskDetail.Adjustment::adjustmentId, TaskDetail.Adjustment::outcome,
                TaskDetail.Adjustment::decisionReason).containsExactly(
                tuple("a-1", "REJECTED", "不符合规划"),
                tuple("a-2", null, null));
    }

    @Test
    void an_acknowledged_task_then_closed_is_closed_in_its_summary_and_detail() {
        anAssignedTask();
        projections.given(new TaskAcknowledged(taskId, HEALTH.unitId()));
        assertThat(detail().summary().status()).isEqualTo(TaskStatus.ACKNOWLEDGED);

        projections.given(new TaskClosed(taskId, "任务已完成"));

        assertThat(detail().summary().status()).isEqualTo(TaskStatus.CLOSED);
        assertThat(projections.query(new FindTaskSummaries(List.of(taskId)), ResponseTypes.multipleInstancesOf(TaskSummary.class)))
                .singleElement().satisfies(summary -> assertThat(summary.status()).isEqualTo(TaskStatus.CLOSED));
    }

    @Test
    void summaries_of_no_task_are_none_and_of_an_unknown_task_are_left_out() {
        anAssignedTask();
        assertThat(projections.query(new FindTaskSummaries(List.of()), ResponseTypes.multipleInstancesOf(TaskSummary.class)))
                .isEmpty();
        assertThat(projections.query(new FindTaskSummaries(List.of(taskId, "t-unknown")),
                ResponseTypes.multipleInstancesOf(TaskSummary.class))).extracting(TaskSummary::taskId).containsExactly(taskId);
        assertThat(projections.query(new FindTaskDetail("t-unknown"), ResponseTypes.instanceOf(TaskDetail.class))).isNull();
    }

    @Test
    void each_co_unit_shows_whether_it_confirmed_its_part_or_its_confirmation_expired_and_who_is_still_asked() {
        projections.given(new PlanCreated(planId, "大足区中医药传承创新发展实施方案", null, "大足区人民政府办公室", null, PERIOD,
                        null, "区政府督查室"),
                new TaskCreated(taskId, planId, null, 3, "3", "建设区中医医院新院区。", HEALTH, List.of(FINANCE, MARKET),
                        null, null, PERIOD, "区政府督查室"),
                new TaskAssigned(taskId, planId, HEALTH, List.of(FINANCE, MARKET), ACKNOWLEDGE_BY));
        assertThat(detail().confirmations()).extracting(TaskDetail.Confirmation::unit, TaskDetail.Confirmation::outcome)
                .containsExactly(tuple(FINANCE, null), tuple(MARKET, null));

        projections.given(new CoUnitPartConfirmed(taskId, MARKET.unitId()));
        projections.given(new CoUnitConfirmationExpired(taskId, FINANCE.unitId(), ACKNOWLEDGE_BY));

        TaskDetail detail = detail();
        assertThat(detail.confirmations()).extracting(TaskDetail.Confirmation::unit, TaskDetail.Confirmation::outcome,
                TaskDetail.Confirmation::decidedBy).containsExactly(
                tuple(FINANCE, "EXPIRED", null),
                tuple(MARKET, "CONFIRMED", Projections.USER));
        assertThat(detail.confirmations().get(0).decidedAt()).isAfter(detail.confirmations().get(1).decidedAt());
        assertThat(detail.timeline()).extracting(TaskDetail.TimelineEntry::eventType)
                .endsWith("CoUnitPartConfirmed", "CoUnitConfirmationExpired");
    }
}
