package org.duban.query.supervision;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.audit.AuditEntry;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.supervision.CaseExtensionApproved;
import org.duban.api.supervision.CaseExtensionRefused;
import org.duban.api.supervision.CaseExtensionRequested;
import org.duban.api.supervision.CaseTrigger;
import org.duban.api.supervision.FindSupervisionCase;
import org.duban.api.supervision.FindSupervisionCases;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RectificationPlanSubmitted;
import org.duban.api.supervision.RectificationRejected;
import org.duban.api.supervision.RectificationResultSubmitted;
import org.duban.api.supervision.SupervisedItem;
import org.duban.api.supervision.SupervisionCaseClosedOut;
import org.duban.api.supervision.SupervisionCaseDetail;
import org.duban.api.supervision.SupervisionCaseEscalated;
import org.duban.api.supervision.SupervisionCaseView;
import org.duban.api.supervision.SupervisionNoticeIssued;
import org.duban.api.unit.UnitRef;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Given a case's events, its row shows the grade, stage and dates in force, and its page the whole timeline. */
@DataJpaTest(showSql = false)
class SupervisionCaseProjectionTest {
    private static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    private static final String OFFICE = "区政府督查室";

    @Autowired
    Projections projections;

    private final String planId = "p-" + UUID.randomUUID();
    private final String caseId = "c-" + UUID.randomUUID();
    private final String taskId = "t-" + UUID.randomUUID();
    private final EvidenceRef minutes = new EvidenceRef(UUID.randomUUID().toString(), "整改会议纪要.pdf", 2048,
            "a".repeat(64), "application/pdf");

    private SupervisionNoticeIssued issued(String id, SupervisedItem item, CaseTrigger trigger, String office) {
        return new SupervisionNoticeIssued(id, planId, office, item, HEALTH, NoticeGrade.REMINDER, trigger, "进度滞后",
                LocalDate.of(2025, 4, 10));
    }

    private SupervisionCaseView view() {
        return detail().orElseThrow().view();
    }

    /** The query bus answers an empty optional as null. */
    private Optional<SupervisionCaseDetail> detail() {
        return Optional.ofNullable(projections.query(new FindSupervisionCase(caseId),
                ResponseTypes.instanceOf(SupervisionCaseDetail.class)));
    }

    private List<SupervisionCaseView> find(FindSupervisionCases query) {
        return projections.query(query, ResponseTypes.multipleInstancesOf(SupervisionCaseView.class));
    }

    @Test
    void a_case_goes_from_notice_to_close_out_with_its_grade_stage_and_dates_in_force() {
        projections.given(issued(caseId, SupervisedItem.task(taskId), CaseTrigger.MANUAL, OFFICE));
        SupervisionCaseView issued = view();
        assertThat(issued.stage()).isEqualTo("AWAITING_PLAN");
        assertThat(issued.grade()).isEqualTo(NoticeGrade.REMINDER);
        assertThat(issued.item()).isEqualTo(SupervisedItem.task(taskId));
        assertThat(issued.unitName()).isEqualTo("区卫生健康委");
        assertThat(issued.answerBy()).isEqualTo(LocalDate.of(2025, 4, 10));
        assertThat(issued.deadline()).isNull();

        projections.given(new SupervisionCaseEscalated(caseId, planId, HEALTH.unitId(), NoticeGrade.REMINDER,
                NoticeGrade.NOTICE, LocalDate.of(2025, 4, 18), null));
        assertThat(view().grade()).isEqualTo(NoticeGrade.NOTICE);
        assertThat(view().answerBy()).isEqualTo(LocalDate.of(2025, 4, 18));
        assertThat(view().escalatedAt()).isNotNull();

        projections.given(new RectificationPlanSubmitted(caseId, planId, HEALTH.unitId(), "月底前完成", LocalDate.of(2025, 5, 30)),
                new CaseExtensionRequested(caseId, planId, HEALTH.unitId(), "ext-1", LocalDate.of(2025, 6, 30), "资金未到位"));
        SupervisionCaseView asked = view();
        assertThat(asked.stage()).isEqualTo("RECTIFYING");
        assertThat(asked.rectificationPlan()).isEqualTo("月底前完成");
        assertThat(asked.deadline()).isEqualTo(LocalDate.of(2025, 5, 30));
        assertThat(asked.extensionId()).isEqualTo("ext-1");
        assertThat(asked.extensionUntil()).isEqualTo(LocalDate.of(2025, 6, 30));

        projections.given(new CaseExtensionApproved(caseId, planId, "ext-1", LocalDate.of(2025, 6, 30), null));
        assertThat(view().deadline()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(view().extensionId()).isNull();

        projections.given(new CaseExtensionRequested(caseId, planId, HEALTH.unitId(), "ext-2", LocalDate.of(2025, 7, 30), "再延"),
                new CaseExtensionRefused(caseId, planId, "ext-2", "理由不充分"));
        assertThat(view().deadline()).as("a refusal keeps the deadline").isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(view().extensionId()).isNull();

        projections.given(new RectificationResultSubmitted(caseId, planId, HEALTH.unitId(), "已完成", List.of(minutes)),
                new RectificationRejected(caseId, planId, HEALTH.unitId(), "缺少佐证"));
        assertThat(view().stage()).isEqualTo("RECTIFYING");
        assertThat(view().rejection()).isEqualTo("缺少佐证");
        assertThat(view().rejections()).isEqualTo(1);

        projections.given(new RectificationResultSubmitted(caseId, planId, HEALTH.unitId(), "已补充", List.of(minutes)));
        assertThat(view().stage()).isEqualTo("RESULT_SUBMITTED");
        assertThat(view().result()).isEqualTo("已补充");
        assertThat(view().evidence()).containsExactly(minutes);
        assertThat(view().rejection()).isNull();

        projections.given(new SupervisionCaseClosedOut(caseId, planId, HEALTH.unitId(), "整改到位"));
        assertThat(view().stage()).isEqualTo("CLOSED_OUT");
        assertThat(view().closedOut()).isTrue();
        assertThat(view().closedAt()).isNotNull();
        assertThat(detail().orElseThrow().timeline()).extracting(AuditEntry::eventType).containsExactly(
                "SupervisionNoticeIssued", "SupervisionCaseEscalated", "RectificationPlanSubmitted",
                "CaseExtensionRequested", "CaseExtensionApproved", "CaseExtensionRequested", "CaseExtensionRefused",
                "RectificationResultSubmitted", "RectificationRejected", "RectificationResultSubmitted",
                "SupervisionCaseClosedOut");
    }

    @Test
    void an_unknown_case_is_absent() {
        assertThat(detail()).isEmpty();
    }

    @Test
    void cases_are_found_by_plan_unit_office_stage_grade_item_and_trigger() {
        String other = "c-" + UUID.randomUUID();
        String indicatorCase = "c-" + UUID.randomUUID();
        projections.given(issued(caseId, SupervisedItem.report(taskId, "2025-Q1"), CaseTrigger.REPORT_OVERDUE, OFFICE),
                issued(other, SupervisedItem.task(taskId), CaseTrigger.MANUAL, "市政府督查办"),
                issued(indicatorCase, SupervisedItem.indicator("i-1"), CaseTrigger.BINDING_INDICATOR_RED, null),
                new RectificationPlanSubmitted(other, planId, HEALTH.unitId(), "方案", LocalDate.of(2025, 5, 30)));

        FindSupervisionCases ofPlan = new FindSupervisionCases(planId, null, null, null, null, null, null, null, null);
        assertThat(find(ofPlan)).extracting(SupervisionCaseView::caseId).containsExactlyInAnyOrder(caseId, other, indicatorCase);
        assertThat(find(new FindSupervisionCases(planId, null, List.of(OFFICE), null, null, null, null, null, null)))
                .as("an office's cases, and those of plans without an office")
                .extracting(SupervisionCaseView::caseId).containsExactlyInAnyOrder(caseId, indicatorCase);
        assertThat(find(new FindSupervisionCases(planId, "unit-health", null, List.of("RECTIFYING"), null, null, null, null, null)))
                .extracting(SupervisionCaseView::caseId).containsExactly(other);
        assertThat(find(new FindSupervisionCases(planId, null, null, null, NoticeGrade.REMINDER, null, "i-1", null, null)))
                .extracting(SupervisionCaseView::caseId).containsExactly(indicatorCase);
        assertThat(find(FindSupervisionCases.openAbout(SupervisedItem.report(taskId, "2025-Q1"), CaseTrigger.REPORT_OVERDUE)))
                .extracting(SupervisionCaseView::caseId).containsExactly(caseId);

        projections.given(new RectificationPlanSubmitted(caseId, planId, HEALTH.unitId(), "方案", LocalDate.of(2025, 5, 30)),
                new RectificationResultSubmitted(caseId, planId, HEALTH.unitId(), "完成", List.of()),
                new SupervisionCaseClosedOut(caseId, planId, HEALTH.unitId(), null));
        assertThat(find(FindSupervisionCases.openAbout(SupervisedItem.report(taskId, "2025-Q1"), CaseTrigger.REPORT_OVERDUE)))
                .as("closed out: no longer open").isEmpty();
    }
}
