package org.duban.query.supervision;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.IndicatorTargetAdjusted;
import org.duban.api.indicator.IndicatorValueRecorded;
import org.duban.api.indicator.Target;
import org.duban.api.indicator.TargetKind;
import org.duban.api.indicator.ValueSource;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.supervision.FindIndicatorTrajectory;
import org.duban.api.supervision.FindPlanTrajectories;
import org.duban.api.supervision.IndicatorStatusChanged;
import org.duban.api.supervision.IndicatorTrajectory;
import org.duban.api.supervision.RagStatus;
import org.duban.api.supervision.TaskStatusChanged;
import org.duban.api.task.TaskCreated;
import org.duban.api.unit.UnitRef;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Given status, value and target events, the status views keep each task's and indicator's current status, every
 * change, every value with its corrections, and the trajectory draws the on-schedule path to the target in force.
 */
@DataJpaTest(showSql = false)
class StatusProjectionTest {
    private static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    private static final PlanPeriod PERIOD = new PlanPeriod(2021, 2025);
    private static final LocalDate DAY = LocalDate.of(2023, 4, 10);

    @Autowired
    Projections projections;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatusProjection projection;

    private final String planId = "p-" + UUID.randomUUID();
    private final String taskId = "t-" + UUID.randomUUID();
    private final String indicatorId = "i-" + UUID.randomUUID();

    private void aPlanWithATaskAndAnIndicator(Baseline baseline, Target target) {
        projections.given(new PlanCreated(planId, "大足区中医药传承创新发展实施方案", null, "大足区人民政府办公室", null, PERIOD,
                        null, "区政府督查室"),
                new TaskCreated(taskId, planId, null, 1, null, "建设区中医医院新院区。", HEALTH, List.of(), null, null,
                        PERIOD, "区政府督查室"),
                new IndicatorDefined(indicatorId, planId, null, 1, "1", null, "每千人口中医类别执业（助理）医师数", "人",
                        baseline, target, IndicatorAttribute.BINDING, Direction.between(baseline, target), List.of(HEALTH),
                        null));
    }

    private IndicatorTrajectory trajectory() {
        IndicatorTrajectory trajectory = projections.query(new FindIndicatorTrajectory(indicatorId),
                ResponseTypes.instanceOf(IndicatorTrajectory.class));
        assertThat(trajectory).as("the trajectory of " + indicatorId).isNotNull();
        return trajectory;
    }

    @Test
    void a_task_keeps_its_latest_status_and_every_change_with_its_rule_and_figures() {
        aPlanWithATaskAndAnIndicator(Baseline.parse(2020, "0.5"), Target.parse(2025, "0.75"));
        projections.given(
                new TaskStatusChanged(taskId, planId, HEALTH.unitId(), null, RagStatus.GREEN, "task.on-schedule",
                        Map.of("elapsedShare", "0.10", "reportedPercent", "20"), DAY),
                new TaskStatusChanged(taskId, planId, HEALTH.unitId(), RagStatus.GREEN, RagStatus.RED, "task.overdue-report",
                        Map.of("overdueReports", "1"), DAY.plusMonths(3)));

        assertThat(jdbc.queryForMap("select status, rule, figures, as_of from task_status where task_id = ?", taskId))
                .containsEntry("STATUS", "RED").containsEntry("RULE", "task.overdue-report")
                .containsEntry("FIGURES", "{\"overdueReports\":\"1\"}");
        assertThat(jdbc.queryForList("select from_status, to_status, figures from status_change where task_id = ? "
                + "order by changed_at", taskId)).extracting(row -> row.get("FROM_STATUS"), row -> row.get("TO_STATUS"),
                row -> row.get("FIGURES")).containsExactly(
                tuple(null, "GREEN", "{\"elapsedShare\":\"0.10\",\"reportedPercent\":\"20\"}"),
                tuple("GREEN", "RED", "{\"overdueReports\":\"1\"}"));
    }

    @Test
    void an_indicator_keeps_its_status_and_each_change() {
        aPlanWithATaskAndAnIndicator(Baseline.parse(2020, "0.5"), Target.parse(2025, "0.75"));
        projections.given(new IndicatorStatusChanged(indicatorId, planId, null, RagStatus.AMBER, "indicator.behind-path",
                Map.of("latestValue", "0.55", "onSchedule", "0.6"), DAY));

        assertThat(trajectory().status()).isEqualTo(RagStatus.AMBER);
        assertThat(jdbc.queryForObject("select count(*) from status_change where indicator_id = ? and to_status = 'AMBER'",
                Integer.class, indicatorId)).isEqualTo(1);
    }

    @Test
    void every_value_is_kept_and_the_trajectory_shows_the_latest_of_each_period_with_its_corrections() {
        aPlanWithATaskAndAnIndicator(Baseline.parse(2020, "0.5"), Target.parse(2025, "0.75"));
        projections.given(
                value("2022", "0.55", 1, null),
                value("2021", "0.52", 1, null),
                value("2022", "0.56", 2, "统计口径更正"),
                value("2022", "0.57", 3, "年报数据"));

        assertThat(jdbc.queryForObject("select count(*) from indicator_value where indicator_id = ?", Integer.class,
                indicatorId)).isEqualTo(4);
        assertThat(jdbc.queryForObject("select recorded_by from indicator_value where indicator_id = ? and version = 3",
                String.class, indicatorId)).isEqualTo(Projections.USER);
        assertThat(trajectory().values()).extracting(IndicatorTrajectory.Reported::periodKey,
                        IndicatorTrajectory.Reported::asWritten, IndicatorTrajectory.Reported::corrections,
                        IndicatorTrajectory.Reported::periodEnd)
                .containsExactly(tuple("2021", "0.52", 0, LocalDate.of(2021, 12, 31)),
                        tuple("2022", "0.57", 2, LocalDate.of(2022, 12, 31)));
    }

    @Test
    void the_on_schedule_path_runs_straight_from_the_baseline_to_the_target_at_each_year_end() {
        aPlanWithATaskAndAnIndicator(Baseline.parse(2020, "0.5"), Target.parse(2025, "0.75"));

        IndicatorTrajectory trajectory = trajectory();
        assertThat(trajectory.path()).extracting(IndicatorTrajectory.PathPoint::year, point -> point.low().toPlainString())
                .containsExactly(tuple(2020, "0.5"), tuple(2021, "0.55"), tuple(2022, "0.6"), tuple(2023, "0.65"),
                        tuple(2024, "0.7"), tuple(2025, "0.75"));
        assertThat(trajectory.path()).allSatisfy(point -> assertThat(point.high()).isEqualByComparingTo(point.low()));
        assertThat(trajectory.status()).isNull();
        assertThat(trajectory.adjusted()).isFalse();
    }

    @Test
    void a_range_has_a_path_for_each_bound_and_a_lower_bound_only_its_own() {
        aPlanWithATaskAndAnIndicator(Baseline.parse(2020, "10"), Target.parse(2025, "13—15"));
        IndicatorTrajectory range = trajectory();
        assertThat(range.targetKind()).isEqualTo(TargetKind.RANGE);
        assertThat(range.path().get(5).low()).isEqualByComparingTo("13");
        assertThat(range.path().get(5).high()).isEqualByComparingTo("15");
        assertThat(range.path().get(1).low()).isEqualByComparingTo("10.6");
        assertThat(range.path().get(1).high()).isEqualByComparingTo("11");

        assertThat(DashboardViews.path(2020, new BigDecimal("10"), 2025, new BigDecimal("20"), null))
                .allSatisfy(point -> assertThat(point.high()).isNull());
    }

    @Test
    void without_a_baseline_there_is_no_path_but_the_target_and_values_still_show() {
        aPlanWithATaskAndAnIndicator(Baseline.parse(2020, "—"), Target.parse(2025, "不低于20%"));
        projections.given(value("2021", "12%", 1, null));

        IndicatorTrajectory trajectory = trajectory();
        assertThat(trajectory.path()).isEmpty();
        assertThat(trajectory.targetKind()).isEqualTo(TargetKind.AT_LEAST);
        assertThat(trajectory.targetLow()).isEqualByComparingTo("20");
        assertThat(trajectory.values()).hasSize(1);
    }

    @Test
    void an_adjusted_target_is_the_one_the_path_runs_to() {
        Target original = Target.parse(2025, "0.75");
        aPlanWithATaskAndAnIndicator(Baseline.parse(2020, "0.5"), original);
        projections.given(new IndicatorTargetAdjusted(indicatorId, planId, "adj-1", original, Target.parse(2025, "1"),
                "国家标准提高"));

        IndicatorTrajectory trajectory = trajectory();
        assertThat(trajectory.adjusted()).isTrue();
        assertThat(trajectory.targetWritten()).isEqualTo("1");
        assertThat(trajectory.path().get(5).low()).isEqualByComparingTo("1");
        assertThat(projections.query(new FindPlanTrajectories(planId),
                ResponseTypes.multipleInstancesOf(IndicatorTrajectory.class))).hasSize(1);
    }

    @Test
    void periods_end_on_their_last_day() {
        assertThat(DashboardViews.periodEnd("2026-Q4")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(DashboardViews.periodEnd("2026-H1")).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(DashboardViews.periodEnd("2024-M02")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(DashboardViews.periodEnd("2026")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(DashboardViews.periodEnd("2026-M13")).isNull();
        assertThat(DashboardViews.periodEnd("later")).isNull();
    }

    @Test
    void a_reset_empties_the_status_views() {
        aPlanWithATaskAndAnIndicator(Baseline.parse(2020, "0.5"), Target.parse(2025, "0.75"));
        projections.given(value("2021", "0.52", 1, null), new TaskStatusChanged(taskId, planId, HEALTH.unitId(), null,
                RagStatus.GREEN, "task.on-schedule", Map.of(), DAY));
        projection.reset();
        for (String table : List.of("task_status", "indicator_status", "status_change", "indicator_value", "indicator_target")) {
            assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class)).as(table).isZero();
        }
        assertThat(trajectory().values()).isEmpty();
    }

    private IndicatorValueRecorded value(String periodKey, String written, int version, String reason) {
        BigDecimal number = new BigDecimal(written.replace("%", ""));
        return new IndicatorValueRecorded(indicatorId, planId, periodKey, number, written, ValueSource.REPORT, taskId,
                List.of(), version, reason);
    }
}
