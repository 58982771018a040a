package org.duban.query.adjustment;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.adjustment.AdjustmentHistory;
import org.duban.api.adjustment.AdjustmentHistory.Entry;
import org.duban.api.adjustment.AdjustmentHistory.Outcome;
import org.duban.api.adjustment.AdjustmentHistory.Subject;
import org.duban.api.adjustment.FindAdjustmentHistory;
import org.duban.api.indicator.IndicatorAdjustmentRejected;
import org.duban.api.indicator.IndicatorAdjustmentRequested;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.IndicatorTargetAdjusted;
import org.duban.api.indicator.Target;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.PlanTree;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.FindTaskDetail;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskAdjustmentApproved;
import org.duban.api.task.TaskAdjustmentRejected;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.api.task.TaskAssigned;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskDetail;
import org.duban.api.task.TaskDueDateAdjusted;
import org.duban.api.task.TaskStatus;
import org.duban.api.task.TaskTextAdjusted;
import org.duban.api.task.TaskUnitsChanged;
import org.duban.api.task.UnitChange;
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

/** The adjustment history keeps the original and every adjusted value; the plan tree shows the value in force. */
@DataJpaTest(showSql = false)
class AdjustmentHistoryProjectionTest {
    private static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    private static final UnitRef FINANCE = new UnitRef("unit-finance", "区财政局");
    private static final UnitRef MARKET = new UnitRef("unit-market", "区市场监管局");
    private static final PlanPeriod PERIOD = new PlanPeriod(2024, 2027);
    private static final LocalDate DUE = LocalDate.of(2026, 12, 31);
    private static final LocalDate MOVED = LocalDate.of(2027, 6, 30);

    @Autowired
    Projections projections;

    private final String planId = "p-" + UUID.randomUUID();
    private final String taskId = "t-" + UUID.randomUUID();
    private final String indicatorId = "i-" + UUID.randomUUID();

    private void aTaskInExecution() {
        projections.given(new PlanCreated(planId, "大足区中医药传承创新发展实施方案", null, "大足区人民政府办公室", null, PERIOD,
                        null, "区政府督查室"),
                new TaskCreated(taskId, planId, null, 3, "3", "建设区中医医院新院区。", HEALTH, List.of(FINANCE), DUE, null,
                        PERIOD, "区政府督查室"),
                new TaskAssigned(taskId, planId, HEALTH, List.of(FINANCE), LocalDate.of(2025, 3, 7)),
                new TaskAcknowledged(taskId, HEALTH.unitId()));
    }

    private AdjustmentHistory history(FindAdjustmentHistory query) {
        return projections.query(query, ResponseTypes.instanceOf(AdjustmentHistory.class));
    }

    @Test
    void a_tasks_history_keeps_the_original_and_two_approved_adjustments_with_the_value_before_and_after() {
        aTaskInExecution();
        projections.given(
                new TaskAdjustmentRequested(taskId, HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "2027-06-30", null,
                        "用地审批延后"));
        assertThat(detail().summary().status()).as("reporting goes on while it waits").isEqualTo(TaskStatus.ACKNOWLEDGED);
        assertThat(history(FindAdjustmentHistory.ofTask(taskId)).subject(taskId).pending().adjustmentId())
                .isEqualTo("a-1");
        UnitChange units = new UnitChange(MARKET, List.of(HEALTH));
        projections.given(
                new TaskAdjustmentApproved(taskId, "a-1", AdjustmentKind.DUE_DATE, "2027-06-30", null, "同意延期"),
                new TaskDueDateAdjusted(taskId, planId, "a-1", DUE, MOVED),
                new TaskAdjustmentRequested(taskId, HEALTH.unitId(), "a-2", AdjustmentKind.TEXT, "建成区中医医院新院区。",
                        null, "表述更新"),
                new TaskAdjustmentRejected(taskId, "a-2", "原表述准确"),
                new TaskAdjustmentRequested(taskId, HEALTH.unitId(), "a-3", AdjustmentKind.UNITS, units.text(), units,
                        "职能划转"),
                new TaskAdjustmentApproved(taskId, "a-3", AdjustmentKind.UNITS, units.text(), units, null),
                new TaskUnitsChanged(taskId, planId, "a-3", MARKET, List.of(HEALTH)));

        Subject task = history(FindAdjustmentHistory.ofTask(taskId)).subject(taskId);
        assertThat(task.originalText()).isEqualTo("建设区中医医院新院区。");
        assertThat(task.originalDueDate()).isEqualTo(DUE);
        assertThat(task.originalUnits()).isEqualTo("牵头单位：区卫生健康委；配合单位：区财政局");
        assertThat(task.pending()).isNull();
        assertThat(task.entries()).extracting(Entry::adjustmentId, Entry::kind, Entry::outcome, Entry::previousValue,
                        Entry::adjustedValue, Entry::reason, Entry::decisionReason, Entry::requestedUnit)
                .containsExactly(
                        tuple("a-1", AdjustmentKind.DUE_DATE, Outcome.APPROVED, "2026-12-31", "2027-06-30", "用地审批延后",
                                "同意延期", HEALTH.unitId()),
                        tuple("a-2", AdjustmentKind.TEXT, Outcome.REJECTED, null, null, "表述更新", "原表述准确",
                                HEALTH.unitId()),
                        tuple("a-3", AdjustmentKind.UNITS, Outcome.APPROVED, "牵头单位：区卫生健康委；配合单位：区财政局",
                                "牵头单位：区市场监管局；配合单位：区卫生健康委", "职能划转", null, HEALTH.unitId()));
        Entry approved = task.entries().get(0);
        assertThat(approved.inForceFrom()).isEqualTo(approved.decidedAt()).isNotNull();
        assertThat(approved.requestedBy()).isEqualTo(Projections.USER);
        assertThat(task.entries().get(1).inForceFrom()).isNull();

        // the tree shows the due date in force; the task is acknowledged throughout
        assertThat(tree().unsectionedTasks()).singleElement().satisfies(view -> {
            assertThat(view.dueDate()).isEqualTo(MOVED);
            assertThat(view.text()).isEqualTo("建设区中医医院新院区。");
        });
        assertThat(detail().summary().status()).isEqualTo(TaskStatus.ACKNOWLEDGED);
    }

    @Test
    void an_approved_text_shows_in_the_tree_and_the_original_stays_in_the_history() {
        aTaskInExecution();
        projections.given(
                new TaskAdjustmentRequested(taskId, HEALTH.unitId(), "a-1", AdjustmentKind.TEXT, "建成区中医医院新院区。",
                        null, "表述更新"),
                new TaskAdjustmentApproved(taskId, "a-1", AdjustmentKind.TEXT, "建成区中医医院新院区。", null, null),
                new TaskTextAdjusted(taskId, planId, "a-1", "建设区中医医院新院区。", "建成区中医医院新院区。"));
        assertThat(tree().unsectionedTasks()).singleElement().extracting(view -> view.text())
                .isEqualTo("建成区中医医院新院区。");
        assertThat(history(FindAdjustmentHistory.ofTask(taskId)).subject(taskId).originalText())
                .isEqualTo("建设区中医医院新院区。");
    }

    @Test
    void an_indicators_target_history_names_the_approving_document_and_a_plans_history_lists_what_was_adjusted() {
        Target defined = Target.parse(2025, "≥2300");
        Target lowered = Target.parse(2025, "≥2100");
        aTaskInExecution();
        projections.given(
                new IndicatorDefined(indicatorId, planId, null, 1, "1", null, "中医医疗机构数", "个", null, defined,
                        IndicatorAttribute.BINDING, null, List.of(HEALTH), null, null, "区政府督查室"),
                new IndicatorAdjustmentRequested(indicatorId, planId, HEALTH.unitId(), "b-1", defined, lowered, "受疫情影响"),
                new IndicatorTargetAdjusted(indicatorId, planId, "b-1", defined, lowered, "同意", "渝府函〔2026〕12号"),
                new IndicatorAdjustmentRequested(indicatorId, planId, HEALTH.unitId(), "b-2", lowered,
                        Target.parse(2025, "≥2000"), "再降"),
                new IndicatorAdjustmentRejected(indicatorId, planId, "b-2", "不同意"));

        Subject indicator = history(FindAdjustmentHistory.ofIndicator(indicatorId)).subject(indicatorId);
        assertThat(indicator.originalTarget()).isEqualTo("≥2300");
        assertThat(indicator.entries()).extracting(Entry::adjustmentId, Entry::outcome, Entry::previousValue,
                        Entry::adjustedValue, Entry::proposal, Entry::approvalDocument)
                .containsExactly(tuple("b-1", Outcome.APPROVED, "≥2300", "≥2100", "≥2100", "渝府函〔2026〕12号"),
                        tuple("b-2", Outcome.REJECTED, "≥2100", null, "≥2000", null));
        assertThat(tree().indicators()).singleElement().extracting(view -> view.target().asWritten())
                .isEqualTo("≥2100");
        // the task was not adjusted: the plan's history lists the indicator only
        assertThat(history(FindAdjustmentHistory.ofPlan(planId)).subjects()).extracting(Subject::subjectId)
                .containsExactly(indicatorId);
        assertThat(history(FindAdjustmentHistory.ofTask(taskId)).subject(taskId).entries()).isEmpty();
    }

    private PlanTree tree() {
        return projections.query(new FindPlanTree(planId), ResponseTypes.instanceOf(PlanTree.class));
    }

    private TaskDetail detail() {
        return projections.query(new FindTaskDetail(taskId), ResponseTypes.instanceOf(TaskDetail.class));
    }
}
