package org.duban.command.supervision;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.NotAuthorized;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.supervision.ApproveCaseExtension;
import org.duban.api.supervision.CaseExtensionApproved;
import org.duban.api.supervision.CaseExtensionRefused;
import org.duban.api.supervision.CaseExtensionRequested;
import org.duban.api.supervision.CaseTrigger;
import org.duban.api.supervision.CloseOutSupervisionCase;
import org.duban.api.supervision.EscalateSupervisionCase;
import org.duban.api.supervision.IssueSupervisionNotice;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RectificationPlanSubmitted;
import org.duban.api.supervision.RectificationRejected;
import org.duban.api.supervision.RectificationResultSubmitted;
import org.duban.api.supervision.RefuseCaseExtension;
import org.duban.api.supervision.RejectRectification;
import org.duban.api.supervision.RequestCaseExtension;
import org.duban.api.supervision.SubmitRectificationPlan;
import org.duban.api.supervision.SubmitRectificationResult;
import org.duban.api.supervision.SupervisedItem;
import org.duban.api.supervision.SupervisionCaseClosedOut;
import org.duban.api.supervision.SupervisionCaseEscalated;
import org.duban.api.supervision.SupervisionNoticeIssued;
import org.duban.api.unit.UnitRef;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A supervision case from notice to close-out: only the named unit answers, only the supervisors of the plan's office
 * decide, and nothing happens after the close-out.
 */
class SupervisionCaseTest {
    static final String OFFICE = "大足区督查室";
    static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    static final Map<String, Object> SUPERVISOR = Map.of("actorRole", "SUPERVISOR", "actorUnit", OFFICE);
    static final Map<String, Object> OTHER_SUPERVISOR = Map.of("actorRole", "SUPERVISOR", "actorUnit", "市政府督查办");
    static final Map<String, Object> UNIT_USER = Map.of("actorRole", "UNIT_USER", "actorUnit", HEALTH.unitId());
    static final Map<String, Object> SYSTEM = Map.of("actorRole", "SYSTEM");
    static final LocalDate ANSWER_BY = LocalDate.of(2025, 4, 10);
    static final LocalDate DEADLINE = LocalDate.of(2025, 5, 30);
    static final EvidenceRef MINUTES = new EvidenceRef("ev-1", "会议纪要.pdf", 1024, "ab12", "application/pdf");

    private final AggregateTestFixture<SupervisionCase> fixture = new AggregateTestFixture<>(SupervisionCase.class);

    static IssueSupervisionNotice issue(NoticeGrade grade) {
        return new IssueSupervisionNotice("case-1", "plan-1", OFFICE, SupervisedItem.task("t-1"), HEALTH, grade,
                CaseTrigger.MANUAL, "进度滞后", ANSWER_BY);
    }

    static SupervisionNoticeIssued issued(NoticeGrade grade) {
        return new SupervisionNoticeIssued("case-1", "plan-1", OFFICE, SupervisedItem.task("t-1"), HEALTH, grade,
                CaseTrigger.MANUAL, "进度滞后", ANSWER_BY);
    }

    static RectificationPlanSubmitted planned() {
        return new RectificationPlanSubmitted("case-1", "plan-1", HEALTH.unitId(), "月底前完成", DEADLINE);
    }

    static RectificationResultSubmitted resulted() {
        return new RectificationResultSubmitted("case-1", "plan-1", HEALTH.unitId(), "已完成", List.of(MINUTES));
    }

    static List<Object> history(Object... events) {
        List<Object> all = new ArrayList<>(List.of(issued(NoticeGrade.NOTICE)));
        all.addAll(Arrays.asList(events));
        return all;
    }

    // --- issuing ----------------------------------------------------------------------------------------------

    @Test
    void a_supervisor_of_the_plans_office_issues_a_notice() {
        fixture.givenNoPriorActivity().when(issue(NoticeGrade.NOTICE), SUPERVISOR)
                .expectEvents(issued(NoticeGrade.NOTICE)).expectResultMessagePayload(true);
    }

    @Test
    void the_system_issues_a_notice_by_its_rules() {
        fixture.givenNoPriorActivity().when(issue(NoticeGrade.NOTICE), SYSTEM)
                .expectEvents(issued(NoticeGrade.NOTICE));
    }

    @Test
    void a_second_issue_of_the_same_case_opens_nothing() {
        fixture.given(issued(NoticeGrade.NOTICE)).when(issue(NoticeGrade.NOTICE), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void a_unit_cannot_issue_a_notice() {
        fixture.givenNoPriorActivity().when(issue(NoticeGrade.NOTICE), UNIT_USER)
                .expectException(NotAuthorized.class).expectNoEvents();
    }

    @Test
    void a_supervisor_of_another_office_cannot_issue_a_notice() {
        fixture.givenNoPriorActivity().when(issue(NoticeGrade.NOTICE), OTHER_SUPERVISOR)
                .expectException(NotAuthorized.class).expectNoEvents();
    }

    // --- escalation -------------------------------------------------------------------------------------------

    @Test
    void an_unanswered_notice_escalates_one_grade_with_a_new_answer_day() {
        LocalDate later = LocalDate.of(2025, 4, 17);
        fixture.given(issued(NoticeGrade.REMINDER)).when(new EscalateSupervisionCase("case-1", null, later), SYSTEM)
                .expectEvents(new SupervisionCaseEscalated("case-1", "plan-1", HEALTH.unitId(), NoticeGrade.REMINDER,
                        NoticeGrade.NOTICE, later, null)).expectResultMessagePayload(true);
        fixture.given(issued(NoticeGrade.NOTICE)).when(new EscalateSupervisionCase("case-1", "仍未答复", later), SUPERVISOR)
                .expectEvents(new SupervisionCaseEscalated("case-1", "plan-1", HEALTH.unitId(), NoticeGrade.NOTICE,
                        NoticeGrade.LISTED, later, "仍未答复"));
    }

    @Test
    void listed_supervision_stays_listed() {
        fixture.given(issued(NoticeGrade.LISTED))
                .when(new EscalateSupervisionCase("case-1", null, LocalDate.of(2025, 4, 17)), SYSTEM)
                .expectNoEvents().expectResultMessagePayload(false);
    }

    @Test
    void a_unit_cannot_escalate_its_own_case() {
        fixture.given(issued(NoticeGrade.NOTICE))
                .when(new EscalateSupervisionCase("case-1", null, LocalDate.of(2025, 4, 17)), UNIT_USER)
                .expectException(NotAuthorized.class).expectNoEvents();
    }

    // --- the unit's answer ------------------------------------------------------------------------------------

    @Test
    void the_named_unit_answers_with_a_plan_and_then_a_result() {
        fixture.given(history()).when(new SubmitRectificationPlan("case-1", HEALTH.unitId(), "月底前完成", DEADLINE))
                .expectEvents(planned());
        fixture.given(history(planned()))
                .when(new SubmitRectificationResult("case-1", HEALTH.unitId(), "已完成", List.of(MINUTES)))
                .expectEvents(resulted());
    }

    @Test
    void another_unit_cannot_answer_the_notice() {
        fixture.given(history()).when(new SubmitRectificationPlan("case-1", "unit-market", "月底前完成", DEADLINE))
                .expectException(NotAuthorized.class).expectNoEvents();
        fixture.given(history(planned()))
                .when(new SubmitRectificationResult("case-1", "unit-market", "已完成", List.of()))
                .expectException(NotAuthorized.class).expectNoEvents();
    }

    @Test
    void a_plan_is_submitted_once() {
        fixture.given(history(planned())).when(new SubmitRectificationPlan("case-1", HEALTH.unitId(), "再改", DEADLINE))
                .expectException(CommandRefused.class).expectExceptionMessage(
                        "the rectification plan of case case-1 is submitted already").expectNoEvents();
    }

    @Test
    void a_result_needs_a_plan_first() {
        fixture.given(history()).when(new SubmitRectificationResult("case-1", HEALTH.unitId(), "已完成", List.of()))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("a result is submitted only while rectifying; case case-1 is AWAITING_PLAN")
                .expectNoEvents();
    }

    // --- verification -----------------------------------------------------------------------------------------

    @Test
    void a_supervisor_rejects_the_result_and_the_unit_submits_again() {
        RectificationRejected rejected = new RectificationRejected("case-1", "plan-1", HEALTH.unitId(), "缺少佐证");
        fixture.given(history(planned(), resulted())).when(new RejectRectification("case-1", "缺少佐证"), SUPERVISOR)
                .expectEvents(rejected);
        fixture.given(history(planned(), resulted(), rejected))
                .when(new SubmitRectificationResult("case-1", HEALTH.unitId(), "已完成", List.of(MINUTES)))
                .expectEvents(resulted());
    }

    @Test
    void a_supervisor_closes_out_a_verified_case() {
        fixture.given(history(planned(), resulted())).when(new CloseOutSupervisionCase("case-1", "整改到位"), SUPERVISOR)
                .expectEvents(new SupervisionCaseClosedOut("case-1", "plan-1", HEALTH.unitId(), "整改到位"));
    }

    @Test
    void unit_cannot_close_out_its_own_case() {
        fixture.given(history(planned(), resulted())).when(new CloseOutSupervisionCase("case-1", null), UNIT_USER)
                .expectException(NotAuthorized.class).expectNoEvents();
        fixture.given(history(planned(), resulted())).when(new RejectRectification("case-1", "不行"), UNIT_USER)
                .expectException(NotAuthorized.class).expectNoEvents();
    }

    @Test
    void a_supervisor_of_another_office_cannot_decide() {
        fixture.given(history(planned(), resulted())).when(new CloseOutSupervisionCase("case-1", null), OTHER_SUPERVISOR)
                .expectException(NotAuthorized.class).expectNoEvents();
    }

    @Test
    void nothing_is_verified_before_a_result_is_submitted() {
        fixture.given(history(planned())).when(new CloseOutSupervisionCase("case-1", null), SUPERVISOR)
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(history(planned())).when(new RejectRectification("case-1", "不行"), SUPERVISOR)
                .expectException(CommandRefused.class).expectNoEvents();
    }

    @Test
    void nothing_happens_after_the_close_out() {
        List<Object> closed = history(planned(), resulted(),
                new SupervisionCaseClosedOut("case-1", "plan-1", HEALTH.unitId(), null));
        fixture.given(closed).when(new CloseOutSupervisionCase("case-1", "再销一次"), SUPERVISOR).expectNoEvents()
                .expectSuccessfulHandlerExecution();
        fixture.given(closed).when(new RejectRectification("case-1", "不行"), SUPERVISOR)
                .expectException(CommandRefused.class)
                .expectExceptionMessage("supervision case case-1 is closed out").expectNoEvents();
        fixture.given(closed).when(new EscalateSupervisionCase("case-1", null, LocalDate.of(2025, 6, 9)), SYSTEM)
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(closed).when(new SubmitRectificationResult("case-1", HEALTH.unitId(), "又做了", List.of()))
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(closed).when(new RequestCaseExtension("case-1", HEALTH.unitId(), "ext-1",
                        DEADLINE.plusDays(10), "需要时间", DEADLINE.minusDays(1)))
                .expectException(CommandRefused.class).expectNoEvents();
    }

    // --- extensions -------------------------------------------------------------------------------------------

    static RequestCaseExtension askUntil(LocalDate until, LocalDate today) {
        return new RequestCaseExtension("case-1", HEALTH.unitId(), "ext-1", until, "资金未到位", today);
    }

    static CaseExtensionRequested requested() {
        return new CaseExtensionRequested("case-1", "plan-1", HEALTH.unitId(), "ext-1", DEADLINE.plusDays(30), "资金未到位");
    }

    @Test
    void the_unit_asks_for_a_later_deadline_before_its_deadline() {
        fixture.given(history(planned())).when(askUntil(DEADLINE.plusDays(30), DEADLINE)).expectEvents(requested());
    }

    @Test
    void an_extension_is_asked_for_before_the_deadline_passes() {
        fixture.given(history(planned())).when(askUntil(DEADLINE.plusDays(30), DEADLINE.plusDays(1)))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the deadline 2025-05-30 of case case-1 has passed: an extension is asked for before it")
                .expectNoEvents();
    }

    @Test
    void an_extension_ends_after_the_deadline_in_force() {
        fixture.given(history(planned())).when(askUntil(DEADLINE, DEADLINE.minusDays(5)))
                .expectException(CommandRefused.class).expectNoEvents();
    }

    @Test
    void one_extension_is_pending_at_a_time_and_asking_again_for_it_changes_nothing() {
        fixture.given(history(planned(), requested())).when(askUntil(DEADLINE.plusDays(30), DEADLINE))
                .expectNoEvents().expectSuccessfulHandlerExecution();
        fixture.given(history(planned(), requested()))
                .when(new RequestCaseExtension("case-1", HEALTH.unitId(), "ext-2", DEADLINE.plusDays(60), "再延", DEADLINE))
                .expectException(CommandRefused.class).expectNoEvents();
    }

    @Test
    void an_extension_is_asked_for_only_while_rectifying() {
        fixture.given(history()).when(askUntil(DEADLINE.plusDays(30), DEADLINE))
                .expectException(CommandRefused.class).expectNoEvents();
    }

    @Test
    void another_unit_cannot_ask_for_an_extension() {
        fixture.given(history(planned()))
                .when(new RequestCaseExtension("case-1", "unit-market", "ext-1", DEADLINE.plusDays(30), "r", DEADLINE))
                .expectException(NotAuthorized.class).expectNoEvents();
    }

    @Test
    void an_approved_extension_moves_the_deadline() {
        LocalDate extended = DEADLINE.plusDays(30);
        CaseExtensionApproved approved = new CaseExtensionApproved("case-1", "plan-1", "ext-1", extended, null);
        fixture.given(history(planned(), requested())).when(new ApproveCaseExtension("case-1", "ext-1", null), SUPERVISOR)
                .expectEvents(approved);
        // the new deadline is the one in force: a request before it, for after it, is accepted
        fixture.given(history(planned(), requested(), approved))
                .when(new RequestCaseExtension("case-1", HEALTH.unitId(), "ext-2", extended.plusDays(5), "再延", extended))
                .expectEvents(new CaseExtensionRequested("case-1", "plan-1", HEALTH.unitId(), "ext-2",
                        extended.plusDays(5), "再延"));
    }

    @Test
    void a_refused_extension_leaves_the_deadline() {
        CaseExtensionRefused refused = new CaseExtensionRefused("case-1", "plan-1", "ext-1", "理由不充分");
        fixture.given(history(planned(), requested())).when(new RefuseCaseExtension("case-1", "ext-1", "理由不充分"), SUPERVISOR)
                .expectEvents(refused);
        fixture.given(history(planned(), requested(), refused)).when(askUntil(DEADLINE.plusDays(30), DEADLINE.plusDays(1)))
                .expectException(CommandRefused.class).expectNoEvents();
    }

    @Test
    void only_the_offices_supervisors_decide_on_the_pending_extension() {
        fixture.given(history(planned(), requested())).when(new ApproveCaseExtension("case-1", "ext-1", null), UNIT_USER)
                .expectException(NotAuthorized.class).expectNoEvents();
        fixture.given(history(planned(), requested())).when(new ApproveCaseExtension("case-1", "ext-9", null), SUPERVISOR)
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(history(planned())).when(new RefuseCaseExtension("case-1", "ext-1", "不行"), SUPERVISOR)
                .expectException(CommandRefused.class).expectNoEvents();
    }

    @Test
    void the_result_waits_for_the_decision_on_a_pending_extension() {
        fixture.given(history(planned(), requested()))
                .when(new SubmitRectificationResult("case-1", HEALTH.unitId(), "已完成", List.of()))
                .expectException(CommandRefused.class).expectNoEvents();
    }
}
