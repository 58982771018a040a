package org.duban.command.supervision;

import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorReading;
import org.duban.api.indicator.Target;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.StatusRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worked example of the documentation: 不低于20%, baseline 15% at the end of 2022, target in 2027. On 30 June 2025
 * 49.9 % of the way has elapsed and the on-schedule value is 17.495 %.
 */
class IndicatorScheduleTest {
    private static final StatusRules RULES = StatusRules.defaults();
    private static final LocalDate MID_2025 = LocalDate.of(2025, 6, 30);
    private static final PlanPeriod PLAN = new PlanPeriod(2023, 2027);

    private static IndicatorSchedule atLeast20(IndicatorAttribute attribute) {
        return new IndicatorSchedule(Baseline.parse(2022, "15%"), Target.parse(2027, "不低于20%"), attribute,
                Direction.INCREASE, PLAN);
    }

    private static Judgement judge(IndicatorSchedule schedule, LocalDate asOf, String value) {
        return schedule.judge(asOf, IndicatorReading.number(value), value, "2025-Q2", RULES);
    }

    @Test
    void the_on_schedule_value_runs_straight_from_the_baseline_to_the_target() {
        IndicatorSchedule schedule = atLeast20(IndicatorAttribute.EXPECTED);
        assertThat(schedule.onSchedule(MID_2025)).isEqualByComparingTo("17.495");
        assertThat(schedule.onSchedule(LocalDate.of(2022, 6, 1))).isEqualByComparingTo("15");
        assertThat(schedule.onSchedule(LocalDate.of(2028, 6, 1))).isEqualByComparingTo("20");
    }

    @Test
    void a_value_on_the_path_is_green_a_little_behind_amber_far_behind_red() {
        IndicatorSchedule schedule = atLeast20(IndicatorAttribute.EXPECTED);
        Judgement onPath = judge(schedule, MID_2025, "17%");
        assertThat(onPath).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.GREEN, "indicator.on-schedule");
        assertThat(onPath.figures()).containsEntry("onSchedule", "17.495").containsEntry("gap", "9.9")
                .containsEntry("latestValue", "17%").containsEntry("target", "不低于20%").containsEntry("goal", "20");
        assertThat(judge(schedule, MID_2025, "16.5%")).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.AMBER, "indicator.behind");
        assertThat(judge(schedule, MID_2025, "16%")).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.RED, "indicator.lagging");
    }

    @Test
    void a_binding_indicator_is_judged_more_strictly_than_an_expected_one() {
        assertThat(judge(atLeast20(IndicatorAttribute.EXPECTED), MID_2025, "17%").status()).isEqualTo(RagStatus.GREEN);
        assertThat(judge(atLeast20(IndicatorAttribute.BINDING), MID_2025, "17%")).extracting(Judgement::status,
                Judgement::rule).containsExactly(RagStatus.AMBER, "indicator.behind");
        assertThat(judge(atLeast20(IndicatorAttribute.EXPECTED), MID_2025, "16.5%").status()).isEqualTo(RagStatus.AMBER);
        assertThat(judge(atLeast20(IndicatorAttribute.BINDING), MID_2025, "16.5%").status()).isEqualTo(RagStatus.RED);
        assertThat(judge(atLeast20(IndicatorAttribute.BINDING), MID_2025, "16.5%").figures())
                .containsEntry("amberGap", "5").containsEntry("redGap", "15");
    }

    @Test
    void a_bound_reached_is_met_at_any_time() {
        assertThat(judge(atLeast20(IndicatorAttribute.BINDING), MID_2025, "20.5%")).extracting(Judgement::status,
                Judgement::rule).containsExactly(RagStatus.GREEN, "indicator.met");
    }

    @Test
    void a_target_year_over_with_the_target_missed_is_red() {
        assertThat(judge(atLeast20(IndicatorAttribute.EXPECTED), LocalDate.of(2028, 1, 10), "19.9%"))
                .extracting(Judgement::status, Judgement::rule).containsExactly(RagStatus.RED, "indicator.past-target-year");
    }

    @Test
    void a_range_is_approached_by_its_near_bound_and_met_within() {
        IndicatorSchedule range = new IndicatorSchedule(Baseline.parse(2022, "10"), Target.parse(2027, "13—15"),
                IndicatorAttribute.EXPECTED, Direction.INCREASE, PLAN);
        // the path runs to 13: 11.497 by mid-2025
        assertThat(range.onSchedule(MID_2025)).isEqualByComparingTo("11.497");
        assertThat(judge(range, MID_2025, "11.5").rule()).isEqualTo("indicator.on-schedule");
        assertThat(judge(range, MID_2025, "10.5").status()).isEqualTo(RagStatus.RED);
        assertThat(judge(range, MID_2025, "14")).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.GREEN, "indicator.met");
        assertThat(judge(range, LocalDate.of(2028, 1, 5), "13—15")).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.GREEN, "indicator.met");
    }

    @Test
    void beyond_a_range_is_ahead_before_the_target_year_ends_and_outside_it_after() {
        IndicatorSchedule range = new IndicatorSchedule(Baseline.parse(2022, "10"), Target.parse(2027, "13—15"),
                IndicatorAttribute.EXPECTED, Direction.INCREASE, PLAN);
        assertThat(judge(range, MID_2025, "16")).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.GREEN, "indicator.ahead");
        assertThat(judge(range, LocalDate.of(2028, 1, 5), "16")).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.AMBER, "indicator.outside-range");
    }

    @Test
    void an_upper_bound_is_lower_is_better() {
        // 不高于5: from 8 at the end of 2022 the path falls to 5; by mid-2025 to 6.503
        IndicatorSchedule atMost = new IndicatorSchedule(Baseline.parse(2022, "8"), Target.parse(2027, "不高于5"),
                IndicatorAttribute.BINDING, Direction.UNKNOWN, PLAN);
        assertThat(atMost.onSchedule(MID_2025)).isEqualByComparingTo("6.503");
        assertThat(judge(atMost, MID_2025, "6.5").rule()).isEqualTo("indicator.on-schedule");
        assertThat(judge(atMost, MID_2025, "7.5")).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.RED, "indicator.lagging");
        assertThat(judge(atMost, MID_2025, "7.5").figures()).containsEntry("lowerIsBetter", "true");
        assertThat(judge(atMost, MID_2025, "4.8").rule()).isEqualTo("indicator.met");
    }

    @Test
    void a_decreasing_exact_target_is_lower_is_better_and_passing_it_meets_it() {
        IndicatorSchedule decrease = new IndicatorSchedule(Baseline.parse(2022, "20"), Target.parse(2027, "10"),
                IndicatorAttribute.EXPECTED, Direction.DECREASE, PLAN);
        assertThat(decrease.onSchedule(MID_2025)).isEqualByComparingTo("15.01");
        assertThat(judge(decrease, MID_2025, "15").status()).isEqualTo(RagStatus.GREEN);
        assertThat(judge(decrease, MID_2025, "17").status()).isEqualTo(RagStatus.AMBER);
        assertThat(judge(decrease, MID_2025, "9.5").rule()).isEqualTo("indicator.met");
    }

    @Test
    void without_a_baseline_there_is_no_path_only_the_distance_to_the_target() {
        IndicatorSchedule noBaseline = new IndicatorSchedule(Baseline.parse(2022, "—"), Target.parse(2027, "不低于20%"),
                IndicatorAttribute.BINDING, Direction.UNKNOWN, PLAN);
        assertThat(judge(noBaseline, MID_2025, "21%").rule()).isEqualTo("indicator.met");
        Judgement near = judge(noBaseline, MID_2025, "19.5%");
        assertThat(near).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.GREEN, "indicator.no-baseline");
        assertThat(near.figures()).containsEntry("distance", "2.5").doesNotContainKey("onSchedule");
        assertThat(judge(noBaseline, MID_2025, "10%")).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.AMBER, "indicator.no-baseline");
        assertThat(judge(noBaseline, LocalDate.of(2028, 2, 1), "10%").status()).isEqualTo(RagStatus.RED);
        assertThat(new IndicatorSchedule(null, Target.parse(null, "20"), null, null, null).judge(MID_2025,
                new BigDecimal("10"), "10", "2025", RULES).rule()).isEqualTo("indicator.no-baseline");
    }

    @Test
    void without_any_year_and_without_the_plan_period_there_is_no_path() {
        IndicatorSchedule noYears = new IndicatorSchedule(Baseline.parse(null, "15"), Target.parse(null, "20"),
                IndicatorAttribute.EXPECTED, Direction.INCREASE, null);
        assertThat(judge(noYears, MID_2025, "12")).extracting(Judgement::status, Judgement::rule)
                .containsExactly(RagStatus.AMBER, "indicator.no-path");
    }

    @Test
    void the_plan_period_ends_the_path_where_the_baseline_or_target_name_no_year() {
        IndicatorSchedule planYears = new IndicatorSchedule(Baseline.parse(null, "15%"), Target.parse(null, "不低于20%"),
                IndicatorAttribute.EXPECTED, Direction.INCREASE, PLAN);
        assertThat(planYears.pathStart()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(planYears.pathEnd()).isEqualTo(LocalDate.of(2027, 12, 31));
        assertThat(planYears.onSchedule(MID_2025)).isEqualByComparingTo("17.495");
        // a baseline in the target's year leaves no way to go: the target is due at once
        IndicatorSchedule sameYear = new IndicatorSchedule(Baseline.parse(2027, "15"), Target.parse(2027, "20"),
                IndicatorAttribute.EXPECTED, Direction.INCREASE, PLAN);
        assertThat(sameYear.onSchedule(MID_2025)).isEqualByComparingTo("20");
    }

    @Test
    void percent_targets_read_values_with_or_without_the_sign() {
        IndicatorSchedule schedule = atLeast20(IndicatorAttribute.EXPECTED);
        assertThat(judge(schedule, MID_2025, "17").status()).isEqualTo(judge(schedule, MID_2025, "17%").status());
        assertThat(judge(schedule, MID_2025, "17％").figures()).containsEntry("value", "17");
    }

    @Test
    void no_value_yet_is_green_early_in_the_span_and_amber_after() {
        IndicatorSchedule schedule = atLeast20(IndicatorAttribute.BINDING);
        assertThat(schedule.judge(LocalDate.of(2023, 6, 1), null, null, null, RULES))
                .extracting(Judgement::status, Judgement::rule).containsExactly(RagStatus.GREEN, "indicator.early");
        assertThat(schedule.judge(MID_2025, null, null, null, RULES))
                .extracting(Judgement::status, Judgement::rule).containsExactly(RagStatus.AMBER, "indicator.no-value");
    }
}
