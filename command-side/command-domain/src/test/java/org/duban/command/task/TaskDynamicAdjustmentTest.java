package org.duban.command.task;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.NotAuthorized;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.SubmitReport;
import org.duban.api.task.AdjustmentKind;
import org.duban.api.task.ApproveTaskAdjustment;
import org.duban.api.task.RejectTaskAdjustment;
import org.duban.api.task.RequestTaskAdjustment;
import org.duban.api.task.TaskAdjustmentApproved;
import org.duban.api.task.TaskAdjustmentRejected;
import org.duban.api.task.TaskAdjustmentRequested;
import org.duban.api.task.TaskClosed;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskDueDateAdjusted;
import org.duban.api.task.TaskTextAdjusted;
import org.duban.api.task.TaskUnitsChanged;
import org.duban.api.task.UnitChange;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.duban.command.task.TaskHistory.CITY_SUPERVISOR;
import static org.duban.command.task.TaskHistory.CONTENT;
import static org.duban.command.task.TaskHistory.DISTRICT_SUPERVISOR;
import static org.duban.command.task.TaskHistory.FINANCE;
import static org.duban.command.task.TaskHistory.HEALTH;
import static org.duban.command.task.TaskHistory.MARKET;
import static org.duban.command.task.TaskHistory.OFFICE;
import static org.duban.command.task.TaskHistory.PLAN_YEARS;
import static org.duban.command.task.TaskHistory.acknowledged;
import static org.duban.command.task.TaskHistory.assigned;
import static org.duban.command.task.TaskHistory.open;

/**
 * Dynamic adjustment (动态调整): while the task is in execution its lead unit asks to change the text, the due date or
 * the units; the office's supervisors decide, and an approval changes the task at once.
 */
class TaskDynamicAdjustmentTest {
    private static final LocalDate DUE = LocalDate.of(2026, 12, 31);
    private static final LocalDate MOVED = LocalDate.of(2027, 6, 30);

    private final AggregateTestFixture<Task> fixture = new AggregateTestFixture<>(Task.class);

    private static TaskCreated createdWithDueDate() {
        return new TaskCreated("t-1", "p-1", "s-1", 1, "1", "做大做强区中医院。", HEALTH, List.of(FINANCE), DUE, null,
                PLAN_YEARS, OFFICE);
    }

    private static List<Object> inExecution(Object... then) {
        List<Object> events = new java.util.ArrayList<>(List.of(createdWithDueDate(), assigned(), acknowledged()));
        events.addAll(List.of(then));
        return events;
    }

    private static TaskAdjustmentRequested dueDateRequested() {
        return new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "2027-06-30", null,
                "用地审批延后");
    }

    @Test
    void the_lead_unit_asks_to_move_the_due_date_during_execution_and_the_approval_moves_it() {
        fixture.given(inExecution())
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "2027-06-30",
                        "用地审批延后"))
                .expectEvents(dueDateRequested());
        fixture.given(inExecution(dueDateRequested()))
                .when(new ApproveTaskAdjustment("t-1", "a-1", "同意延期"), DISTRICT_SUPERVISOR)
                .expectEvents(new TaskAdjustmentApproved("t-1", "a-1", AdjustmentKind.DUE_DATE, "2027-06-30", null,
                                "同意延期"),
                        new TaskDueDateAdjusted("t-1", "p-1", "a-1", DUE, MOVED))
                .expectResultMessagePayload(HEALTH.unitId());
    }

    @Test
    void an_approved_change_of_text_records_the_text_before_and_after() {
        TaskAdjustmentRequested requested = new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1",
                AdjustmentKind.TEXT, "做大做强区中医院，建成三级医院。", null, "上级要求提高");
        fixture.given(inExecution(requested))
                .when(new ApproveTaskAdjustment("t-1", "a-1", null), DISTRICT_SUPERVISOR)
                .expectEvents(new TaskAdjustmentApproved("t-1", "a-1", AdjustmentKind.TEXT,
                                "做大做强区中医院，建成三级医院。", null, null),
                        new TaskTextAdjusted("t-1", "p-1", "a-1", "做大做强区中医院。", "做大做强区中医院，建成三级医院。"));
        // the next change starts from the text in force
        TaskAdjustmentApproved approved = new TaskAdjustmentApproved("t-1", "a-1", AdjustmentKind.TEXT,
                "做大做强区中医院，建成三级医院。", null, null);
        TaskTextAdjusted adjusted = new TaskTextAdjusted("t-1", "p-1", "a-1", "做大做强区中医院。", "做大做强区中医院，建成三级医院。");
        TaskAdjustmentRequested second = new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-2",
                AdjustmentKind.TEXT, "建成三级中医医院。", null, "表述精简");
        fixture.given(inExecution(requested, approved, adjusted, second))
                .when(new ApproveTaskAdjustment("t-1", "a-2", null), DISTRICT_SUPERVISOR)
                .expectEvents(new TaskAdjustmentApproved("t-1", "a-2", AdjustmentKind.TEXT, "建成三级中医医院。", null, null),
                        new TaskTextAdjusted("t-1", "p-1", "a-2", "做大做强区中医院，建成三级医院。", "建成三级中医医院。"));
    }

    @Test
    void an_approved_change_of_units_during_execution_hands_the_task_over() {
        UnitChange units = new UnitChange(MARKET, List.of(HEALTH));
        TaskAdjustmentRequested requested = new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1",
                AdjustmentKind.UNITS, units.text(), units, "职能划转");
        fixture.given(inExecution(requested))
                .when(new ApproveTaskAdjustment("t-1", "a-1", null), DISTRICT_SUPERVISOR)
                .expectEvents(new TaskAdjustmentApproved("t-1", "a-1", AdjustmentKind.UNITS, units.text(), units, null),
                        new TaskUnitsChanged("t-1", "p-1", "a-1", MARKET, List.of(HEALTH)))
                .expectResultMessagePayload(MARKET.unitId());
    }

    @Test
    void a_refused_adjustment_changes_nothing_and_another_may_then_be_asked_for() {
        TaskAdjustmentRejected rejected = new TaskAdjustmentRejected("t-1", "a-1", "理由不充分");
        fixture.given(inExecution(dueDateRequested()))
                .when(new RejectTaskAdjustment("t-1", "a-1", "理由不充分"), DISTRICT_SUPERVISOR)
                .expectEvents(rejected);
        fixture.given(inExecution(dueDateRequested(), rejected))
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-2", AdjustmentKind.DUE_DATE, "2027-03-31",
                        "再次申请"))
                .expectEvents(new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-2", AdjustmentKind.DUE_DATE,
                        "2027-03-31", null, "再次申请"));
    }

    @Test
    void reporting_goes_on_while_an_adjustment_waits() {
        fixture.given(open(dueDateRequested()))
                .when(new SubmitReport("t-1", "2025-Q1", HEALTH.unitId(), CONTENT))
                .expectEvents(new ReportSubmitted("t-1", "2025-Q1", HEALTH.unitId(), 1, CONTENT));
    }

    @Test
    void only_one_adjustment_waits_at_a_time() {
        fixture.given(inExecution(dueDateRequested()))
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-2", AdjustmentKind.TEXT, "新表述", "理由"))
                .expectException(CommandRefused.class).expectExceptionMessage(
                        "task t-1 already waits for a decision on adjustment a-1");
    }

    @Test
    void unit_other_than_the_lead_cannot_ask_for_an_adjustment() {
        fixture.given(inExecution())
                .when(new RequestTaskAdjustment("t-1", FINANCE.unitId(), "a-1", AdjustmentKind.TEXT, "新表述", "理由"))
                .expectException(CommandRefused.class).expectNoEvents();
    }

    @Test
    void a_supervisor_of_the_office_may_ask_on_the_lead_units_behalf_and_one_of_another_office_may_not() {
        fixture.given(inExecution())
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "2027-06-30",
                        "用地审批延后"), DISTRICT_SUPERVISOR)
                .expectEvents(dueDateRequested());
        fixture.given(inExecution())
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "2027-06-30",
                        "用地审批延后"), CITY_SUPERVISOR)
                .expectException(NotAuthorized.class).expectNoEvents();
    }

    @Test
    void supervisor_of_another_office_cannot_decide_on_an_adjustment() {
        fixture.given(inExecution(dueDateRequested()))
                .when(new ApproveTaskAdjustment("t-1", "a-1", null), CITY_SUPERVISOR)
                .expectException(NotAuthorized.class).expectNoEvents();
        fixture.given(inExecution(dueDateRequested()))
                .when(new RejectTaskAdjustment("t-1", "a-1", "不同意"), CITY_SUPERVISOR)
                .expectException(NotAuthorized.class).expectNoEvents();
    }

    @Test
    void a_closed_task_is_not_adjusted() {
        fixture.given(inExecution(new TaskClosed("t-1", "任务撤销")))
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "2027-06-30",
                        "用地审批延后"))
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 is closed");
        fixture.given(inExecution(dueDateRequested(), new TaskClosed("t-1", "任务撤销")))
                .when(new ApproveTaskAdjustment("t-1", "a-1", null), DISTRICT_SUPERVISOR)
                .expectException(CommandRefused.class).expectExceptionMessage("task t-1 is closed");
    }

    @Test
    void a_due_date_outside_the_plans_years_is_refused() {
        fixture.given(inExecution())
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "2028-01-31",
                        "延后"))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the due date 2028-01-31 is outside the plan's years 2024—2027");
    }

    @Test
    void a_target_is_adjusted_on_its_indicator_and_a_proposal_that_changes_nothing_is_refused() {
        fixture.given(inExecution())
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.TARGET, "不少于5家",
                        "理由"))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(inExecution())
                .when(new RequestTaskAdjustment("t-1", HEALTH.unitId(), "a-1", AdjustmentKind.DUE_DATE, "2026-12-31",
                        "理由"))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("task t-1 already has what adjustment a-1 proposes");
    }

    @Test
    void an_approved_change_of_text_before_acknowledging_changes_the_text_too() {
        TaskAdjustmentRequested requested = new TaskAdjustmentRequested("t-1", HEALTH.unitId(), "a-1",
                AdjustmentKind.TEXT, "建成三级中医医院。", null, "表述不准");
        fixture.given(createdWithDueDate(), assigned(), requested)
                .when(new ApproveTaskAdjustment("t-1", "a-1", null), DISTRICT_SUPERVISOR)
                .expectEvents(new TaskAdjustmentApproved("t-1", "a-1", AdjustmentKind.TEXT, "建成三级中医医院。", null, null),
                        new TaskTextAdjusted("t-1", "p-1", "a-1", "做大做强区中医院。", "建成三级中医医院。"));
    }
}
