package org.duban.query.task;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.ContributionClosed;
import org.duban.api.reporting.ContributionEnd;
import org.duban.api.reporting.ContributionSubmitted;
import org.duban.api.reporting.EvidenceRef;
import org.duban.api.reporting.FindTasksCitingEvidence;
import org.duban.api.reporting.FindTasksReporting;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportDrafted;
import org.duban.api.reporting.ReportEscalated;
import org.duban.api.reporting.ReportMarkedOverdue;
import org.duban.api.reporting.ReportReminded;
import org.duban.api.reporting.FindReturnedReports;
import org.duban.api.reporting.ReportReturned;
import org.duban.api.reporting.ReturnedReport;
import org.duban.api.reporting.ReportStatus;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.task.FindTaskDetail;
import org.duban.api.task.TaskCreated;
import org.duban.api.task.TaskDetail;
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

/**
 * Given a task's report events, each period's report shows its status, draft, every review round with its outcome,
 * the co-units' contributions, reminders, overdue marks and escalation.
 */
@DataJpaTest(showSql = false)
class TaskReportsProjectionTest {
    private static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    private static final UnitRef FINANCE = new UnitRef("unit-finance", "区财政局");
    private static final PlanPeriod PERIOD = new PlanPeriod(2024, 2027);
    private static final ReportingPeriod Q4 = new ReportingPeriod("2026-Q4", LocalDate.of(2026, 10, 1),
            LocalDate.of(2026, 12, 31));
    private static final ReportingPeriod Q3 = new ReportingPeriod("2026-Q3", LocalDate.of(2026, 7, 1),
            LocalDate.of(2026, 9, 30));

    @Autowired
    Projections projections;

    private final String planId = "p-" + UUID.randomUUID();
    private final String taskId = "t-" + UUID.randomUUID();
    private final EvidenceRef photo = new EvidenceRef(UUID.randomUUID().toString(), "选址照片.jpg", 2048,
            "a".repeat(64), "image/jpeg");

    private static ReportContent content(String narrative, int percent, List<EvidenceRef> evidence) {
        return new ReportContent(narrative, CompletionStatus.IN_PROGRESS, percent, List.of(), null, null, evidence);
    }

    private void aTaskReportingIn(ReportingPeriod... periods) {
        projections.given(new PlanCreated(planId, "大足区中医药传承创新发展实施方案", null, "大足区人民政府办公室", null, PERIOD,
                        null, "区政府督查室"),
                new TaskCreated(taskId, planId, null, 3, "3", "建设区中医医院新院区。", HEALTH, List.of(FINANCE), null, null,
                        PERIOD, "区政府督查室"));
        for (ReportingPeriod period : periods) {
            projections.given(new ReportingPeriodOpened(taskId, planId, period, period.end().plusDays(10),
                    period.end().plusDays(20), HEALTH, List.of(FINANCE)));
        }
    }

    private TaskDetail.Report report(String periodKey) {
        TaskDetail detail = projections.query(new FindTaskDetail(taskId), ResponseTypes.instanceOf(TaskDetail.class));
        return detail.reports().stream().filter(report -> report.periodKey().equals(periodKey)).findFirst().orElseThrow();
    }

    @Test
    void an_opened_period_waits_for_its_report_and_the_periods_are_listed_in_time_order() {
        aTaskReportingIn(Q4, Q3);

        TaskDetail detail = projections.query(new FindTaskDetail(taskId), ResponseTypes.instanceOf(TaskDetail.class));
        assertThat(detail.reports()).extracting(TaskDetail.Report::periodKey).containsExactly("2026-Q3", "2026-Q4");
        TaskDetail.Report q4 = report("2026-Q4");
        assertThat(q4.status()).isEqualTo(ReportStatus.OPEN);
        assertThat(q4.start()).isEqualTo(Q4.start());
        assertThat(q4.end()).isEqualTo(Q4.end());
        assertThat(q4.dueOn()).isEqualTo(LocalDate.of(2027, 1, 10));
        assertThat(q4.overdueOn()).isEqualTo(LocalDate.of(2027, 1, 20));
        assertThat(q4.round()).isZero();
        assertThat(q4.draft()).isNull();
        assertThat(q4.rounds()).isEmpty();
        assertThat(q4.contributions()).isEmpty();
        assertThat(q4.closedContributions()).isEmpty();
        assertThat(projections.query(new FindTasksReporting(planId, "2026-Q4"), ResponseTypes.multipleInstancesOf(String.class)))
                .containsExactly(taskId);
        assertThat(projections.query(new FindTasksReporting(planId, "2027-Q1"), ResponseTypes.multipleInstancesOf(String.class)))
                .isEmpty();
    }

    @Test
    void a_report_returned_and_submitted_again_keeps_both_rounds_with_their_outcomes() {
        aTaskReportingIn(Q4);
        projections.given(new ReportDrafted(taskId, "2026-Q4", HEALTH.unitId(), content("完成选址", 20, List.of())));
        assertThat(report("2026-Q4").status()).isEqualTo(ReportStatus.DRAFTED);
        assertThat(report("2026-Q4").draft().narrative()).isEqualTo("完成选址");

        projections.given(new ReportSubmitted(taskId, "2026-Q4", HEALTH.unitId(), 1, content("完成选址和立项", 30, List.of())));
        TaskDetail.Report submitted = report("2026-Q4");
        assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(submitted.round()).isEqualTo(1);
        assertThat(submitted.draft()).as("the submission takes the draft's place").isNull();

        projections.given(new ReportReturned(taskId, "2026-Q4", 1, "缺少立项批复"),
                new ReportSubmitted(taskId, "2026-Q4", HEALTH.unitId(), 2, content("完成立项，取得批复", 40, List.of(photo))),
                new ReportAccepted(taskId, "2026-Q4", 2, "同意"));

        TaskDetail.Report accepted = report("2026-Q4");
        assertThat(accepted.status()).isEqualTo(ReportStatus.ACCEPTED);
        assertThat(accepted.round()).isEqualTo(2);
        assertThat(accepted.rounds()).extracting(TaskDetail.Round::round, round -> round.content().narrative(),
                TaskDetail.Round::outcome, TaskDetail.Round::reason, TaskDetail.Round::decidedBy).containsExactly(
                tuple(1, "完成选址和立项", "RETURNED", "缺少立项批复", Projections.USER),
                tuple(2, "完成立项，取得批复", "ACCEPTED", "同意", Projections.USER));
        assertThat(accepted.rounds().get(1).content().evidence()).containsExactly(photo);
        assertThat(accepted.rounds().get(1).submittedBy()).isEqualTo(Projections.USER);
        assertThat(accepted.rounds().get(1).decidedAt()).isAfter(accepted.rounds().get(1).submittedAt());
        assertThat(projections.query(FindReturnedReports.ofEveryTask(), ResponseTypes.multipleInstancesOf(ReturnedReport.class)))
                .extracting(ReturnedReport::taskId).doesNotContain(taskId);
    }

    @Test
    void a_draft_after_a_return_leaves_the_report_returned() {
        aTaskReportingIn(Q4);
        projections.given(new ReportSubmitted(taskId, "2026-Q4", HEALTH.unitId(), 1, content("完成选址", 20, List.of())),
                new ReportReturned(taskId, "2026-Q4", 1, "缺少立项批复"),
                new ReportDrafted(taskId, "2026-Q4", HEALTH.unitId(), content("补充立项批复", 25, List.of())));

        TaskDetail.Report report = report("2026-Q4");
        assertThat(report.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(report.draft().narrative()).isEqualTo("补充立项批复");
        assertThat(report.rounds()).singleElement().satisfies(round -> assertThat(round.outcome()).isEqualTo("RETURNED"));
        // an inbox's counts find it among every report back with its unit
        assertThat(projections.query(FindReturnedReports.ofEveryTask(), ResponseTypes.multipleInstancesOf(ReturnedReport.class)))
                .contains(new ReturnedReport(taskId, "2026-Q4", "缺少立项批复"));
    }

    @Test
    void contributions_reminders_overdue_marks_and_escalation_are_counted_on_their_period_only() {
        aTaskReportingIn(Q3, Q4);
        projections.given(new ContributionSubmitted(taskId, "2026-Q4", FINANCE.unitId(), "已拨付资金 500 万元", List.of(photo)),
                new ReportReminded(taskId, "2026-Q4", Q4.end().plusDays(10), "请按时报送"),
                new ReportReminded(taskId, "2026-Q4", Q4.end().plusDays(10), null),
                new ReportMarkedOverdue(taskId, "2026-Q4", Q4.end().plusDays(20)),
                new ReportEscalated(taskId, "2026-Q4"));

        TaskDetail.Report q4 = report("2026-Q4");
        assertThat(q4.contributions()).singleElement().satisfies(contribution -> {
            assertThat(contribution.unitId()).isEqualTo(FINANCE.unitId());
            assertThat(contribution.text()).isEqualTo("已拨付资金 500 万元");
            assertThat(contribution.evidence()).containsExactly(photo);
            assertThat(contribution.submittedBy()).isEqualTo(Projections.USER);
        });
        assertThat(q4.reminders()).isEqualTo(2);
        assertThat(q4.overdue()).isTrue();
        assertThat(q4.escalated()).isTrue();
        assertThat(q4.status()).isEqualTo(ReportStatus.OPEN);
        TaskDetail.Report q3 = report("2026-Q3");
        assertThat(q3.contributions()).isEmpty();
        assertThat(q3.reminders()).isZero();
        assertThat(q3.overdue()).isFalse();
        assertThat(q3.escalated()).isFalse();
    }

    @Test
    void a_task_cites_evidence_from_its_rounds_drafts_and_contributions() {
        aTaskReportingIn(Q3, Q4);
        EvidenceRef drafted = new EvidenceRef(UUID.randomUUID().toString(), "草稿附件.pdf", 10, "b".repeat(64), "application/pdf");
        EvidenceRef submitted = new EvidenceRef(UUID.randomUUID().toString(), "批复.pdf", 10, "c".repeat(64), "application/pdf");
        projections.given(new ContributionSubmitted(taskId, "2026-Q3", FINANCE.unitId(), "资金已到位", List.of(photo)),
                new ReportSubmitted(taskId, "2026-Q3", HEALTH.unitId(), 1, content("完成选址", 20, List.of(submitted))),
                new ReportDrafted(taskId, "2026-Q4", HEALTH.unitId(), content("开工准备", 35, List.of(drafted))));

        for (EvidenceRef cited : List.of(photo, drafted, submitted)) {
            assertThat(projections.query(new FindTasksCitingEvidence(cited.evidenceId()),
                    ResponseTypes.multipleInstancesOf(String.class))).as(cited.fileName()).containsExactly(taskId);
        }
        assertThat(projections.query(new FindTasksCitingEvidence(UUID.randomUUID().toString()),
                ResponseTypes.multipleInstancesOf(String.class))).isEmpty();
    }

    @Test
    void a_period_shows_the_contributions_given_and_those_closed_without_one_with_the_cause() {
        aTaskReportingIn(Q3, Q4);
        UnitRef market = new UnitRef("unit-market", "区市场监管局");
        projections.given(new ContributionSubmitted(taskId, "2026-Q3", FINANCE.unitId(), "资金已到位", List.of()),
                new ReportSubmitted(taskId, "2026-Q3", HEALTH.unitId(), 1, content("完成选址", 20, List.of())),
                new ReportAccepted(taskId, "2026-Q3", 1, null),
                new ContributionClosed(taskId, "2026-Q3", market.unitId(), ContributionEnd.REPORT_ACCEPTED));
        projections.given(new ContributionClosed(taskId, "2026-Q4", FINANCE.unitId(), ContributionEnd.PERIOD_CLOSED));

        TaskDetail.Report q3 = report("2026-Q3");
        assertThat(q3.contributions()).extracting(TaskDetail.Contribution::unitId).containsExactly(FINANCE.unitId());
        assertThat(q3.closedContributions()).singleElement().satisfies(closed -> {
            assertThat(closed.unitId()).isEqualTo(market.unitId());
            assertThat(closed.cause()).isEqualTo(ContributionEnd.REPORT_ACCEPTED);
            assertThat(closed.closedAt()).isNotNull();
        });
        TaskDetail.Report q4 = report("2026-Q4");
        assertThat(q4.contributions()).isEmpty();
        assertThat(q4.closedContributions()).extracting(TaskDetail.ClosedContribution::unitId,
                TaskDetail.ClosedContribution::cause).containsExactly(tuple(FINANCE.unitId(), ContributionEnd.PERIOD_CLOSED));
        TaskDetail detail = projections.query(new FindTaskDetail(taskId), ResponseTypes.instanceOf(TaskDetail.class));
        assertThat(detail.timeline()).extracting(TaskDetail.TimelineEntry::eventType).endsWith(
                "ReportAccepted", "ContributionClosed", "ContributionClosed");
    }
}
