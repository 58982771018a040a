package org.duban.app.supervision;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorView;
import org.duban.api.indicator.Target;
import org.duban.api.plan.FindPlanTree;
import org.duban.api.plan.PlanStatus;
import org.duban.api.plan.PlanSummary;
import org.duban.api.plan.PlanTree;
import org.duban.api.supervision.CaseTrigger;
import org.duban.api.supervision.FindSupervisionCases;
import org.duban.api.supervision.FindTasksRedTwoPeriods;
import org.duban.api.supervision.IndicatorStatusChanged;
import org.duban.api.supervision.IssueSupervisionNotice;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.SupervisedItem;
import org.duban.api.supervision.SupervisionCaseView;
import org.duban.api.task.FindTaskSummaries;
import org.duban.api.task.TaskStatus;
import org.duban.api.task.TaskSummary;
import org.duban.api.unit.UnitRef;
import org.duban.app.web.PeriodNames;
import org.duban.app.web.Retries;
import org.duban.process.supervision.SupervisionCases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The binding-indicator rule, given status changes directly: only a binding indicator turning red opens a case; and the
 * rule "a task red at the end of two periods in a row", given the query's answer: one notice per pair of periods.
 */
class SupervisionRulesTest {
    static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    static final LocalDate ANSWER_BY = LocalDate.of(2026, 11, 6);

    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private final SupervisionCases cases = mock(SupervisionCases.class);
    private final Retries retries = mock(Retries.class);
    private StaticMessageSource messages;
    private SupervisionRules rules;

    private SupervisionRules rules(boolean taskRedTwoPeriods) {
        return new SupervisionRules(new SupervisionRulesProperties(true, "0 30 0 * * *", 5, NoticeGrade.NOTICE, true,
                NoticeGrade.NOTICE, taskRedTwoPeriods, NoticeGrade.LISTED), commands, queries, null, cases, messages,
                retries, new PeriodNames(messages));
    }

    @BeforeEach
    void setUp() {
        messages = new StaticMessageSource();
        messages.addMessage("supervision.rule.indicatorRed.reason", Locale.SIMPLIFIED_CHINESE, "约束性指标“{0}”亮红灯，自动督办。");
        messages.addMessage("supervision.rule.taskRedTwoPeriods.reason", Locale.SIMPLIFIED_CHINESE,
                "任务在{0}末和{1}末均为红灯，已连续两期亮红灯，自动督办。");
        messages.addMessage("period.quarter", Locale.SIMPLIFIED_CHINESE, "{0}年第{2}季度");
        messages.addMessage("period.quarterName.2", Locale.SIMPLIFIED_CHINESE, "二");
        messages.addMessage("period.quarterName.3", Locale.SIMPLIFIED_CHINESE, "三");
        rules = rules(true);
        when(retries.attempt(anyString(), any(Supplier.class))).thenAnswer(call -> ((Supplier<?>) call.getArgument(1)).get());
        when(cases.answerDay()).thenReturn(ANSWER_BY);
        when(queries.query(any(FindPlanTree.class), any(ResponseType.class))).thenReturn(CompletableFuture.completedFuture(
                Optional.of(tree(indicator("i-binding", IndicatorAttribute.BINDING), indicator("i-expected", IndicatorAttribute.EXPECTED)))));
        when(queries.query(any(FindSupervisionCases.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(List.of()));
    }

    static IndicatorView indicator(String id, IndicatorAttribute attribute) {
        return new IndicatorView(id, "plan-1", 1, null, null, "中医类医院床位数", "张", null,
                Target.parse(2027, "1000"), attribute, Direction.INCREASE, List.of(HEALTH), null);
    }

    static PlanTree tree(IndicatorView... indicators) {
        return new PlanTree(new PlanSummary("plan-1", "大足区规划", null, null, null, 2024, 2027, null, PlanStatus.PUBLISHED,
                null, null, null, null, "区政府督查室"), List.of(), List.of(), List.of(indicators), List.of());
    }

    static IndicatorStatusChanged changed(String indicatorId, RagStatus from, RagStatus to) {
        return new IndicatorStatusChanged(indicatorId, "plan-1", from, to, "indicator.linear", Map.of(),
                LocalDate.of(2026, 10, 30));
    }

    @Test
    void a_binding_indicator_turning_red_opens_a_notice_to_its_first_responsible_unit() {
        rules.on(changed("i-binding", RagStatus.AMBER, RagStatus.RED));
        verify(commands).sendAndWait(new IssueSupervisionNotice("binding-indicator-red:i-binding:2026-10-30", "plan-1",
                "区政府督查室", SupervisedItem.indicator("i-binding"), HEALTH, NoticeGrade.NOTICE,
                CaseTrigger.BINDING_INDICATOR_RED, "约束性指标“中医类医院床位数”亮红灯，自动督办。", ANSWER_BY));
    }

    @Test
    void an_expected_indicator_or_a_change_to_another_colour_opens_nothing() {
        rules.on(changed("i-expected", RagStatus.AMBER, RagStatus.RED));
        rules.on(changed("i-binding", RagStatus.GREEN, RagStatus.AMBER));
        rules.on(changed("i-binding", RagStatus.RED, RagStatus.RED));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void no_case_is_opened_while_one_of_the_rule_about_the_indicator_is_open() {
        when(queries.query(any(FindSupervisionCases.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(List.of(mock(SupervisionCaseView.class))));
        rules.on(changed("i-binding", null, RagStatus.RED));
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void a_rules_case_id_names_the_rule_and_the_occurrence_and_stays_an_id() {
        assertThat(SupervisionRules.caseId(CaseTrigger.REPORT_OVERDUE, "t-1:2026-Q4")).isEqualTo("report-overdue:t-1:2026-Q4");
        assertThat(SupervisionRules.caseId(CaseTrigger.REPORT_OVERDUE, "t".repeat(120) + ":2026-Q4")).hasSize(36);
    }

    // the rule "a task red at the end of two periods in a row"

    private static final IssueSupervisionNotice RED_TWO_PERIODS = new IssueSupervisionNotice(
            "task-red-two-periods:t-1:2026-Q3", "plan-1", "区政府督查室", SupervisedItem.task("t-1"), HEALTH,
            NoticeGrade.LISTED, CaseTrigger.TASK_RED_TWO_PERIODS,
            "任务在2026年第二季度末和2026年第三季度末均为红灯，已连续两期亮红灯，自动督办。", ANSWER_BY);

    private void aTaskRedAtTheEndOfQ2AndQ3(TaskStatus status) {
        when(queries.query(any(FindTasksRedTwoPeriods.class), any(ResponseType.class))).thenReturn(
                CompletableFuture.completedFuture(List.of(new FindTasksRedTwoPeriods.Task("t-1", "plan-1", "2026-Q2",
                        "2026-Q3"))));
        when(queries.query(any(FindTaskSummaries.class), any(ResponseType.class))).thenReturn(
                CompletableFuture.completedFuture(List.of(new TaskSummary("t-1", "plan-1", "大足区规划", "区政府督查室", 1,
                        null, "建设区中医医院新院区。", HEALTH, List.of(), status, null))));
    }

    @Test
    void a_task_red_at_the_end_of_two_periods_in_a_row_opens_one_notice_to_its_lead_unit_naming_the_periods() {
        aTaskRedAtTheEndOfQ2AndQ3(TaskStatus.ACKNOWLEDGED);
        when(commands.sendAndWait(RED_TWO_PERIODS)).thenReturn(true, false);

        assertThat(rules.openCasesOnTasksRedTwoPeriods(LocalDate.of(2026, 10, 20))).isEqualTo(1);
        // the next morning the same two periods name the same case, which the case ignores
        assertThat(rules.openCasesOnTasksRedTwoPeriods(LocalDate.of(2026, 10, 21))).isZero();
        verify(commands, times(2)).sendAndWait(RED_TWO_PERIODS);
    }

    @Test
    void no_case_is_opened_on_a_red_task_while_one_of_the_rule_about_it_is_open() {
        aTaskRedAtTheEndOfQ2AndQ3(TaskStatus.ACKNOWLEDGED);
        when(queries.query(any(FindSupervisionCases.class), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(List.of(mock(SupervisionCaseView.class))));

        assertThat(rules.openCasesOnTasksRedTwoPeriods(LocalDate.of(2026, 10, 20))).isZero();
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void a_closed_task_or_the_rule_switched_off_opens_nothing() {
        aTaskRedAtTheEndOfQ2AndQ3(TaskStatus.CLOSED);
        assertThat(rules.openCasesOnTasksRedTwoPeriods(LocalDate.of(2026, 10, 20))).isZero();

        aTaskRedAtTheEndOfQ2AndQ3(TaskStatus.ACKNOWLEDGED);
        assertThat(rules(false).openCasesOnTasksRedTwoPeriods(LocalDate.of(2026, 10, 20))).isZero();
        verify(commands, never()).sendAndWait(any());
    }
}
