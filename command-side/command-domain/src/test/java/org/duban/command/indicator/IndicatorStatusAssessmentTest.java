package org.duban.command.indicator;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.NotAuthorized;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.IndicatorTargetAdjusted;
import org.duban.api.indicator.Target;
import org.duban.api.supervision.AssessIndicatorStatus;
import org.duban.api.supervision.IndicatorStatusChanged;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.StatusRules;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.duban.command.indicator.IndicatorValueTest.OTHER_SUPERVISOR;
import static org.duban.command.indicator.IndicatorValueTest.SUPERVISOR;
import static org.duban.command.indicator.IndicatorValueTest.defined;
import static org.duban.command.indicator.IndicatorValueTest.recorded;

/**
 * The on-schedule status of indicator i-1 (不低于20%, baseline 15% in 2022, target 2027): on 30 June 2025 the
 * on-schedule value is 17.495 %.
 */
class IndicatorStatusAssessmentTest {
    private static final LocalDate MID_2025 = LocalDate.of(2025, 6, 30);
    private final AggregateTestFixture<Indicator> fixture = new AggregateTestFixture<>(Indicator.class);

    private static AssessIndicatorStatus assess(LocalDate asOf) {
        return new AssessIndicatorStatus("i-1", asOf, StatusRules.defaults());
    }

    private static Map<String, String> figures(String... namesAndValues) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            figures.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return figures;
    }

    @Test
    void the_first_assessment_records_the_rule_and_the_figures_it_compared() {
        fixture.given(defined(IndicatorAttribute.EXPECTED), recorded("2025-Q1", "17%", 1))
                .when(assess(MID_2025))
                .expectResultMessagePayload(true)
                .expectEvents(new IndicatorStatusChanged("i-1", "p-1", null, RagStatus.GREEN, "indicator.on-schedule",
                        figures("asOf", "2025-06-30", "latestValue", "17%", "period", "2025-Q1", "baseline", "15",
                                "baselineYear", "2022", "target", "不低于20%", "targetYear", "2027", "goal", "20",
                                "attribute", "EXPECTED", "elapsedShare", "49.9", "value", "17", "onSchedule", "17.495",
                                "gap", "9.9", "amberGap", "10", "redGap", "25"), MID_2025));
    }

    @Test
    void the_same_status_again_records_nothing() {
        fixture.given(defined(IndicatorAttribute.EXPECTED), recorded("2025-Q1", "17%", 1),
                        new IndicatorStatusChanged("i-1", "p-1", null, RagStatus.GREEN, "indicator.on-schedule", Map.of(),
                                MID_2025))
                .when(assess(MID_2025.plusDays(1)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void a_binding_indicator_at_the_same_value_is_behind() {
        fixture.given(defined(IndicatorAttribute.BINDING), recorded("2025-Q1", "17%", 1))
                .when(assess(MID_2025))
                .expectEventsMatching(IndicatorStatusMatchers.only(change -> change.toStatus() == RagStatus.AMBER
                        && change.rule().equals("indicator.behind") && change.values().get("amberGap").equals("5")));
    }

    @Test
    void the_latest_periods_value_counts() {
        fixture.given(defined(IndicatorAttribute.EXPECTED), recorded("2025-Q2", "17%", 1), recorded("2025-Q1", "15.5%", 1))
                .when(assess(MID_2025))
                .expectEventsMatching(IndicatorStatusMatchers.only(change -> change.values().get("period").equals("2025-Q2")
                        && change.toStatus() == RagStatus.GREEN));
    }

    @Test
    void a_target_adjusted_mid_way_is_used_from_then_on() {
        Target former = Target.parse(2027, "不低于20%");
        Target adjusted = Target.parse(2027, "不低于25%");
        fixture.given(defined(IndicatorAttribute.EXPECTED), recorded("2025-Q1", "17%", 1),
                        new IndicatorStatusChanged("i-1", "p-1", null, RagStatus.GREEN, "indicator.on-schedule", Map.of(),
                                MID_2025.minusDays(1)),
                        new IndicatorTargetAdjusted("i-1", "p-1", "a-1", former, adjusted, "省里下达新目标"))
                .when(assess(MID_2025))
                // the path now runs to 25: 19.99 on schedule, 2.99 short of ten points of way
                .expectEvents(new IndicatorStatusChanged("i-1", "p-1", RagStatus.GREEN, RagStatus.RED,
                        "indicator.lagging", figures("asOf", "2025-06-30", "latestValue", "17%", "period", "2025-Q1",
                        "baseline", "15", "baselineYear", "2022", "target", "不低于25%", "targetYear", "2027", "goal", "25",
                        "attribute", "EXPECTED", "elapsedShare", "49.9", "value", "17", "onSchedule", "19.99",
                        "gap", "29.9", "amberGap", "10", "redGap", "25"), MID_2025));
    }

    @Test
    void an_indicator_defined_before_it_named_its_plans_years_runs_between_its_own_years() {
        IndicatorDefined older = defined(IndicatorAttribute.EXPECTED);
        IndicatorDefined withoutPlan = new IndicatorDefined(older.indicatorId(), older.planId(), null, 1, "1", null,
                older.name(), older.unitOfMeasure(), older.baseline(), older.target(), older.attribute(),
                older.direction(), List.of(), null);
        fixture.given(withoutPlan, recorded("2025-Q1", "17%", 1))
                .when(assess(MID_2025))
                .expectEventsMatching(IndicatorStatusMatchers.only(change -> change.rule().equals("indicator.on-schedule")
                        && change.values().get("onSchedule").equals("17.495")));
    }

    @Test
    void the_system_and_the_offices_supervisors_assess_others_may_not() {
        fixture.given(defined(IndicatorAttribute.EXPECTED))
                .when(assess(MID_2025), SUPERVISOR)
                .expectResultMessagePayload(true);
        fixture.given(defined(IndicatorAttribute.EXPECTED))
                .when(assess(MID_2025), OTHER_SUPERVISOR)
                .expectException(NotAuthorized.class)
                .expectNoEvents();
    }
}
