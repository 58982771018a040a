package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.reporting.AcceptReport;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.ContributionSubmitted;
import org.duban.api.reporting.DraftReport;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.IndicatorValue;
import org.duban.api.reporting.MarkReportOverdue;
import org.duban.api.reporting.OpenReportingPeriod;
import org.duban.api.reporting.RemindReport;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportDrafted;
import org.duban.api.reporting.ReportEscalated;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportReminded;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.reporting.ReturnReport;
import org.duban.api.reporting.SubmitContribution;
import org.duban.api.reporting.SubmitReport;
import org.duban.api.task.AcknowledgeTask;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.ApproveTaskAdjustment;
import org.duban.api.task.AssignTask;
import org.duban.api.task.CloseTask;
import org.duban.api.task.RejectTaskAdjustment;
import org.duban.api.task.RequestTaskAdjustment;
import org.duban.api.task.TaskAcknowledged;
import org.duban.api.task.TaskAdjustmentApproved;
import org.duban.api.task.TaskAdjustmentRejected;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.api.task.TaskAssigned;
import org.duban.api.task.TaskClosed;
import org.duban.api.task.CoUnitPartConfirmed;
import org.duban.api.task.ConfirmCoUnitPart;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskUnitsChanged;
import org.duban.api.task.UnitChange;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.List;

/** Assignment, acknowledgement, adjustments and the reports of a task's periods: given events, when command, then events. */
class TaskWorkflowTest {
    private static final UnitRef HEALTH = new UnitRef(UnitIds.of("区卫生健康委"), "区卫生健康委");
    private static final UnitRef MARKET = new UnitRef(UnitIds.of("区市场监管局"), "区市场监管局");
    private static final UnitRef FINANCE = new UnitRef(UnitIds.of("区财政局"), "区财政局");
    private static final LocalDate ACK_BY = LocalDate.of(2025, 3, 7);
    private static final ReportingPeriod Q1 = new ReportingPeriod("2025-Q1", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31));
    private static final LocalDate DUE = LocalDate.of(2025, 4, 7);
    private static final LocalDate OVERDUE = LocalDate.of(2025, 4, 11);
    private static final ReportContent CONTENT = new ReportContent("完成区中医院设计方案。", CompletionStatus.IN_PROGRESS, 40,
            List.of(new IndicatorValue("i-5", "12")), "用地未落实", "完成立项",
            List.of(new EvidenceRef("e-1", "方案.pdf", 1024, "ab".repeat(32), "application/pdf")));

    static final String OFFICE = "区政府督查室";

    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    private static TaskCreated created() {
        return new TaskCreated("t-1", "p-1", "s-1", 1, "1", "做大做强区中医院。", HEALTH, List.of(FINANCE), null, null,
                new org.duban.api.plan.PlanPeriod(2024, 2027), OFFICE);
    }

    private static TaskAssigned assigned() {
        return new TaskAssigned("t-1", "p-1", HEALTH, List.of(FINANCE), ACK_BY);
    }

    private static ReportingPeriodOpened opened() {
        return new ReportingPeriodOpened("t-1", "p-1", Q1, DUE, OVERDUE, HEALTH, List.of(FINANCE));
    }

    private static ReportSubmitted submitted(int round) {
        return new ReportSubmitted("t-1", "2025-Q1", HEALTH.unitId(), round, CONTENT);
    }

    // --- assignment -----------------------------------------------------------------------------------------

    @Test
    void publishing_assigns_the_task_to_its_lead_unit_once() {
        fixture.given(created()).when(new AssignTask("t-1", ACK_BY)).expectEvents(assigned());
        fixture.given(created(), assigned()).when(new AssignTask("t-1", ACK_BY))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 is already assigned");
    }

    @Test
    void the_lead_unit_acknowledges_and_no_other_unit_may() {
        fixture.given(created(), assigned()).when(new AcknowledgeTask("t-1", HEALTH.unitId()))
                .expectEvents(new TaskAcknowledged("t-1", HEALTH.unitId()));
        fixture.given(created(), assigned()).when(new AcknowledgeTask("t-1", MARKET.unitId()))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(created()).when(new AcknowledgeTask("t-1", HEALTH.unitId()))
                .expectException(CommandRefused.class).expectNoEvents();
    }

    @Test
    void an_approved_change_of_units_hands_the_task_to_the_new_lead_unit() {
        String proposal = "牵头单位：区市场监管局；配合单位：区卫生健康委、区财政局";
        TaskAdjustmentRequested requested = new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1",
                AdjustmentKind.UNITS, proposal, "职责调整");
        TaskUnitsChanged changed = new TaskUnitsChanged("t-1", "p-1", "a-1", MARKET, List.of(HEALTH, FINANCE));
        fixture.given(created(), assigned(), requested).when(new ApproveTaskAdjustment("t-1", "a-1", "同意"))
                .expectEvents(new TaskAdjustmentApproved("t-1", "a-1", AdjustmentKind.UNITS, proposal, "同意"), changed)
                .expectResultMessagePayload(MARKET.unitId());
        fixture.given(created(), assigned(), requested,
                        new TaskAdjustmentApproved("t-1", "a-1", AdjustmentKind.UNITS, proposal, "同意"), changed)
                .when(new AcknowledgeTask("t-1", MARKET.unitId()))
                .expectEvents(new TaskAcknowledged("t-1", MARKET.unitId()));
        fixture.given(created(), assigned(), requested,
                        new TaskAdjustmentApproved("t-1", "a-1", AdjustmentKind.UNITS, proposal, "同意"), changed)
                .when(new AcknowledgeTask("t-1", HEALTH.unitId()))
                .expectException(CommandRefused.class).expectNoEvents();
    }

    @Test
    void a_units_proposal_names_a_lead_unit_and_no_unit_twice() {
        org.assertj.core.api.Assertions.assertThat(UnitChange.parse("区市场监管局；区卫生健康委，区财政局"))
                .isEqualTo(new UnitChange(MARKET, List.of(HEALTH, FINANCE)));
        org.assertj.core.api.Assertions.assertThat(UnitChange.parse("牵头：区市场监管局").text())
                .isEqualTo("牵头单位：区市场监管局；配合单位：");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1",
                        AdjustmentKind.UNITS, "配合单位：区财政局", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no lead unit");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> UnitChange.parse("区财政局；区财政局"))
                .hasMessageContaining("both as lead unit and as co-unit");
    }

    @Test
    void a_co_unit_confirms_its_part_once_and_only_a_co_unit_of_an_assigned_task() {
        fixture.given(created(), assigned()).when(new ConfirmCoUnitPart("t-1", FINANCE.unitId()))
                .expectEvents(new CoUnitPartConfirmed("t-1", FINANCE.unitId()));
        fixture.given(created(), assigned(), new CoUnitPartConfirmed("t-1", FINANCE.unitId()))
                .when(new ConfirmCoUnitPart("t-1", FINANCE.unitId()))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(created(), assigned()).when(new ConfirmCoUnitPart("t-1", HEALTH.unitId()))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(created()).when(new ConfirmCoUnitPart("t-1", FINANCE.unitId()))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 is not assigned yet");
    }

    @Test
    void the_lead_unit_may_ask_for_an_adjustment_which_a_supervisor_approves_or_rejects() {
        TaskAdjustmentRequested requested = new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1",
                AdjustmentKind.DUE_DATE, "2026-06-30", "用地审批延后");
        fixture.given(created(), assigned())
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "2026-06-30", "用地审批延后"))
                .expectEvents(requested);
        fixture.given(created(), assigned(), requested).when(new AcknowledgeTask("t-1", HEALTH.unitId()))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(created(), assigned(), requested).when(new ApproveTaskAdjustment("t-1", "a-1", null))
                .expectEvents(new TaskAdjustmentApproved("t-1", "a-1", AdjustmentKind.DUE_DATE, "2026-06-30", null));
        fixture.given(created(), assigned(), requested).when(new RejectTaskAdjustment("t-1", "a-1", "不符合规划要求"))
                .expectEvents(new TaskAdjustmentRejected("t-1", "a-1", "不符合规划要求"));
        fixture.given(created(), assigned(), requested, new TaskAdjustmentRejected("t-1", "a-1", "不符合规划要求"))
                .when(new AcknowledgeTask("t-1", HEALTH.unitId()))
                .expectEvents(new TaskAcknowledged("t-1", HEALTH.unitId()));
    }

    @Test
    void an_adjustment_is_refused_from_another_unit_after_acknowledging_or_when_none_is_pending() {
        fixture.given(created(), assigned())
                .when(new RequestTaskAdjustment("t-1", MARKET.unitId(), "a-1", AdjustmentKind.TEXT, "新表述", "理由"))
                .expectException(CommandRefused.class);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()))
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.TEXT, "新表述", "理由"))
                .expectException(CommandRefused.class);
        fixture.given(created(), assigned()).when(new ApproveTaskAdjustment("t-1", "a-9", null))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 has no pending adjustment a-9");
        fixture.given(created(), assigned()).when(new RejectTaskAdjustment("t-1", "a-9", "x"))
                .expectException(CommandRefused.class);
    }

    @Test
    void a_closed_task_takes_nothing_more() {
        fixture.given(created(), assigned()).when(new CloseTask("t-1", "任务完成销号"))
                .expectEvents(new TaskClosed("t-1", "任务完成销号"));
        fixture.given(created(), assigned(), new TaskClosed("t-1", "销号")).when(new CloseTask("t-1", "again"))
                .expectException(CommandRefused.class);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(),
                        new TaskClosed("t-1", "销号"))
                .when(new SubmitReport("t-1", "2025-Q1", HEALTH.unitId(), CONTENT))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 is closed");
    }

    // --- reports --------------------------------------------------------------------------------------------

    @Test
    void a_period_opens_once_and_only_for_an_acknowledged_task() {
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()))
                .when(new OpenReportingPeriod("t-1", Q1, DUE, OVERDUE)).expectEvents(opened());
        fixture.given(created(), assigned())
                .when(new OpenReportingPeriod("t-1", Q1, DUE, OVERDUE)).expectException(CommandRefused.class);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new OpenReportingPeriod("t-1", Q1, DUE, OVERDUE))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 already has a report for 2025-Q1");
    }

    @Test
    void co_units_contribute_and_other_units_may_not() {
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new SubmitContribution("t-1", "2025-Q1", FINANCE.unitId(), "资金已拨付", List.of()))
                .expectEvents(new ContributionSubmitted("t-1", "2025-Q1", FINANCE.unitId(), "资金已拨付", List.of()));
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new SubmitContribution("t-1", "2025-Q1", MARKET.unitId(), "x", List.of()))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1),
                        new ReportAccepted("t-1", "2025-Q1", 1, null))
                .when(new SubmitContribution("t-1", "2025-Q1", FINANCE.unitId(), "迟到的配合", List.of()))
                .expectException(CommandRefused.class);
    }

    @Test
    void the_lead_unit_drafts_submits_and_resubmits_after_a_return_and_every_round_counts() {
        var given = List.<Object>of(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened());
        fixture.given(given).when(new DraftReport("t-1", "2025-Q1", HEALTH.unitId(), CONTENT))
                .expectEvents(new ReportDrafted("t-1", "2025-Q1", HEALTH.unitId(), CONTENT));
        fixture.given(given).when(new SubmitReport("t-1", "2025-Q1", HEALTH.unitId(), CONTENT)).expectEvents(submitted(1));
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1))
                .when(new ReturnReport("t-1", "2025-Q1", "缺少佐证材料"))
                .expectEvents(new ReportReturned("t-1", "2025-Q1", 1, "缺少佐证材料"));
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1),
                        new ReportReturned("t-1", "2025-Q1", 1, "缺少佐证材料"))
                .when(new SubmitReport("t-1", "2025-Q1", HEALTH.unitId(), CONTENT)).expectEvents(submitted(2));
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1),
                        new ReportReturned("t-1", "2025-Q1", 1, "x"), submitted(2))
                .when(new AcceptReport("t-1", "2025-Q1", "同意"))
                .expectEvents(new ReportAccepted("t-1", "2025-Q1", 2, "同意"));
    }

    @Test
    void a_report_for_a_task_of_another_unit_is_refused() {
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new SubmitReport("t-1", "2025-Q1", MARKET.unitId(), CONTENT))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("task t-1 is led by 区卫生健康委, not by unit " + MARKET.unitId());
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new DraftReport("t-1", "2025-Q1", FINANCE.unitId(), CONTENT))
                .expectException(CommandRefused.class);
    }

    @Test
    void a_second_acceptance_a_review_before_submission_and_a_change_after_submission_are_refused() {
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1),
                        new ReportAccepted("t-1", "2025-Q1", 1, null))
                .when(new AcceptReport("t-1", "2025-Q1", null))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new ReturnReport("t-1", "2025-Q1", "x")).expectException(CommandRefused.class);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1))
                .when(new SubmitReport("t-1", "2025-Q1", HEALTH.unitId(), CONTENT)).expectException(CommandRefused.class);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()))
                .when(new SubmitReport("t-1", "2025-Q2", HEALTH.unitId(), CONTENT))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 has no report for period 2025-Q2");
    }

    @Test
    void reminders_and_overdue_marks_apply_only_to_reports_still_with_the_unit() {
        var open = List.<Object>of(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened());
        fixture.given(open).when(new RemindReport("t-1", "2025-Q1", null))
                .expectEvents(new ReportReminded("t-1", "2025-Q1", DUE, null)).expectResultMessagePayload(true);
        fixture.given(open).when(new MarkReportOverdue("t-1", "2025-Q1"))
                .expectEvents(new ReportMarkedOverdue("t-1", "2025-Q1", OVERDUE), new ReportEscalated("t-1", "2025-Q1"))
                .expectResultMessagePayload(true);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1))
                .when(new MarkReportOverdue("t-1", "2025-Q1")).expectNoEvents().expectResultMessagePayload(false);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(), submitted(1))
                .when(new RemindReport("t-1", "2025-Q1", null)).expectNoEvents().expectResultMessagePayload(false);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(),
                        new ReportMarkedOverdue("t-1", "2025-Q1", OVERDUE))
                .when(new MarkReportOverdue("t-1", "2025-Q1")).expectNoEvents().expectResultMessagePayload(false);
    }


    // --- authority and the plan's period ---------------------------------------------------------------------

    @Test
    void only_supervisors_of_the_plans_office_review_remind_and_decide() {
        var city = java.util.Map.<String, Object>of("actorRole", "SUPERVISOR", "actorUnit", "市政府督查办");
        var district = java.util.Map.<String, Object>of("actorRole", "SUPERVISOR", "actorUnit", OFFICE);
        var given = List.<Object>of(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened(),
                submitted(1));
        fixture.given(given).when(new ReturnReport("t-1", "2025-Q1", "缺少佐证材料"), city)
                .expectException(org.duban.api.NotAuthorized.class).expectNoEvents();
        fixture.given(given).when(new AcceptReport("t-1", "2025-Q1", null), city)
                .expectException(org.duban.api.NotAuthorized.class);
        fixture.given(given).when(new AcceptReport("t-1", "2025-Q1", null), district)
                .expectEvents(new ReportAccepted("t-1", "2025-Q1", 1, null));
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new org.duban.api.reporting.RemindReport("t-1", "2025-Q1", "请按时报送"), city)
                .expectException(org.duban.api.NotAuthorized.class);
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()), opened())
                .when(new org.duban.api.reporting.RemindReport("t-1", "2025-Q1", "请按时报送"),
                        java.util.Map.of("actorRole", "UNIT_USER", "actorUnit", "区卫生健康委"))
                .expectException(org.duban.api.NotAuthorized.class);
    }

    @Test
    void due_dates_and_periods_stay_within_the_plans_years() {
        fixture.given(created(), assigned())
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "1900-01-01", "推迟"))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the due date 1900-01-01 is outside the plan's years 2024—2027");
        fixture.given(created(), assigned(), new TaskAcknowledged("t-1", HEALTH.unitId()))
                .when(new OpenReportingPeriod("t-1", org.duban.api.reporting.Cadence.QUARTERLY.period("2099-Q1"),
                        LocalDate.of(2099, 4, 10), LocalDate.of(2099, 4, 17)))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("period 2099-Q1 is outside the plan's years 2024—2027");
        assertThatThrownBy(() -> new org.duban.api.task.CreateTask("t-1", "p-1", "s-1", 1, null, "x", HEALTH, List.of(), LocalDate.of(1900, 1, 1),
                null, new org.duban.api.plan.PlanPeriod(2024, 2027), OFFICE))
                .hasMessage("due date 1900-01-01 is outside the plan's period 2024—2027");
    }
}
