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
import org.duban.api.supervision.IndicatorStatusChanged;
import org.duban.api.supervision.IssueSupervisionNotice;
import org.duban.api.supervision.NoticeGrade;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.SupervisedItem;
import org.duban.api.supervision.SupervisionCaseView;
import org.duban.api.unit.UnitRef;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The binding-indicator rule, given status changes directly: only a binding indicator turning red opens a case. */
class SupervisionRulesTest {
    static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    static final LocalDate ANSWER_BY = LocalDate.of(2026, 11, 6);

    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private final SupervisionCases cases = mock(SupervisionCases.class);
    private SupervisionRules rules;

    @BeforeEach
    void setUp() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.addMessage("supervision.rule.indicatorRed.reason", Locale.SIMPLIFIED_CHINESE, "约束性指标“{0}”亮红灯，自动督办。");
        rules = new SupervisionRules(new SupervisionRulesProperties(true, "0 30 0 * * *", 5, NoticeGrade.NOTICE, true,
                NoticeGrade.NOTICE), commands, queries, null, cases, messages, null);
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
}
