package org.duban.query.ledger;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.Target;
import org.duban.api.ledger.FindLedger;
import org.duban.api.ledger.Ledger;
import org.duban.api.ledger.Ledger.TaskRow;
import org.duban.api.plan.PlanCreated;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.plan.SectionAdded;
import org.duban.api.reporting.CompletionStatus;
import org.duban.api.reporting.ReportAccepted;
import org.duban.api.reporting.ReportContent;
import org.duban.api.reporting.ReportSubmitted;
import org.duban.api.reporting.ReportingPeriod;
import org.duban.api.reporting.ReportingPeriodOpened;
import org.duban.api.task.TaskCreated;
import org.duban.api.unit.UnitRef;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Given a plan's tree, reports and the rows of the supervision views, the ledger: each task under its headings with
 * status, latest report and notices; each indicator with the value in force per period. The supervision views are
 * written directly, as their own projections (other parts of issue 13) would.
 */
@DataJpaTest(showSql = false)
class LedgerViewsTest {
    private static final PlanPeriod YEARS = new PlanPeriod(2024, 2027);
    private static final UnitRef HEALTH = new UnitRef("unit-health", "区卫生健康委");
    private static final UnitRef FINANCE = new UnitRef("unit-finance", "区财政局");

    @Autowired
    Projections projections;
    @Autowired
    JdbcTemplate jdbc;

    private final String planId = "p-" + UUID.randomUUID();

    private Ledger ledger() {
        return projections.query(new FindLedger(planId), ResponseTypes.instanceOf(Ledger.class));
    }

    private String task(String sectionId, int number, String text) {
        String taskId = "t-" + UUID.randomUUID();
        projections.given(new TaskCreated(taskId, planId, sectionId, number, null, text, HEALTH, List.of(FINANCE),
                LocalDate.of(2027, 12, 31), null, YEARS, "区政府督查室"));
        return taskId;
    }

    private void report(String taskId, String period, LocalDate start, String narrative, boolean accepted) {
        projections.given(new ReportingPeriodOpened(taskId, planId, new ReportingPeriod(period, start,
                start.plusMonths(3).minusDays(1)), start.plusMonths(3).plusDays(10), start.plusMonths(3).plusDays(20),
                HEALTH, List.of()), new ReportSubmitted(taskId, period, HEALTH.unitId(), 1,
                new ReportContent(narrative, CompletionStatus.IN_PROGRESS, 40, List.of(), null, null, List.of())));
        if (accepted) {
            projections.given(new ReportAccepted(taskId, period, 1, "好"));
        }
    }

    @Test
    void an_unknown_plan_has_no_ledger() {
        assertThat(ledger().title()).isNull();
        assertThat(ledger().tasks()).isEmpty();
    }

    @Test
    void a_task_sits_under_its_headings_with_its_units_and_nothing_assessed_leaves_its_columns_empty() {
        projections.given(new PlanCreated(planId, "大足区任务分解", null, "大足区人民政府办公室", null, YEARS, null, "区政府督查室"),
                new SectionAdded(planId, "s1", null, 1, "一、", "中医药健康服务高质量发展工程", 1),
                new SectionAdded(planId, "s2", "s1", 2, "（一）", "健全优质高效中医药服务体系", 2),
                new SectionAdded(planId, "s3", "s2", 3, "1.", "打造中医药服务高地", 3));
        task("s3", 1, "做大做强区中医院。");

        TaskRow row = ledger().tasks().get(0);

        assertThat(row.sections()).containsExactly("一、中医药健康服务高质量发展工程", "（一）健全优质高效中医药服务体系",
                "1.打造中医药服务高地");
        assertThat(row.text()).isEqualTo("做大做强区中医院。");
        assertThat(row.leadUnit()).isEqualTo("区卫生健康委");
        assertThat(row.coUnits()).containsExactly("区财政局");
        assertThat(row.status()).isNull();
        assertThat(row.latest()).isNull();
        assertThat(row.cases()).isEmpty();
        assertThat(row.adjustments()).isEmpty();
    }

    @Test
    void the_latest_report_is_the_latest_period_handed_in_and_the_status_and_notices_come_from_the_supervision_views() {
        projections.given(new PlanCreated(planId, "大足区任务分解", null, "大足区人民政府办公室", null, YEARS, null, "区政府督查室"));
        String taskId = task(null, 1, "建强骨干中医医院。");
        report(taskId, "2026-Q3", LocalDate.of(2026, 7, 1), "第三季度已完成选址。", true);
        report(taskId, "2026-Q4", LocalDate.of(2026, 10, 1), "第四季度主体完工。\n第二行。\n第三行。\n第四行。", false);
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("insert into task_status (task_id, plan_id, status, rule, as_of, since) values (?, ?, 'RED', "
                + "'task.overdue', ?, ?)", taskId, planId, LocalDate.of(2026, 11, 1), now);
        jdbc.update("insert into supervision_case (case_id, plan_id, task_id, unit_id, unit_name, grade, case_trigger, "
                + "stage, reason, issued_at, updated_at) values (?, ?, ?, 'unit-health', '区卫生健康委', 'LISTED', "
                + "'REPORT_OVERDUE', 'ISSUED', '报告逾期', ?, ?)", "c-" + UUID.randomUUID(), planId, taskId, now, now);

        TaskRow row = ledger().tasks().get(0);

        assertThat(row.status()).isEqualTo("RED");
        assertThat(row.latest().periodKey()).isEqualTo("2026-Q4");
        assertThat(row.latest().reportStatus()).isEqualTo("SUBMITTED");
        assertThat(row.latest().completion()).isEqualTo("IN_PROGRESS");
        assertThat(row.latest().percent()).isEqualTo(40);
        assertThat(row.latest().narrative()).startsWith("第四季度主体完工。");
        assertThat(row.cases()).singleElement().satisfies(c -> {
            assertThat(c.grade()).isEqualTo("LISTED");
            assertThat(c.closedAt()).isNull();
        });
    }

    @Test
    void an_indicator_shows_the_value_in_force_for_each_period_with_a_value() {
        projections.given(new PlanCreated(planId, "大足区任务分解", null, "大足区人民政府办公室", null, YEARS, null, "区政府督查室"),
                new IndicatorDefined("i-" + planId, planId, null, 1, "1", null, "全口径中药材加工产值", "亿元",
                        Baseline.parse(2022, "222"), Target.parse(2027, "550"), IndicatorAttribute.EXPECTED, null,
                        List.of(), null));
        for (Object[] value : List.of(new Object[]{"2025", 1, "300"}, new Object[]{"2025", 2, "310"},
                new Object[]{"2024", 1, "260"})) {
            jdbc.update("insert into indicator_value (indicator_id, period_key, version, plan_id, as_written, source, "
                    + "recorded_at) values (?, ?, ?, ?, ?, 'REPORT', ?)", "i-" + planId, value[0], value[1], planId,
                    value[2], Timestamp.from(Instant.now()));
        }

        Ledger ledger = ledger();

        assertThat(ledger.periods()).containsExactly("2024", "2025");
        assertThat(ledger.indicators()).singleElement().satisfies(indicator -> {
            assertThat(indicator.values()).isEqualTo(Map.of("2024", "260", "2025", "310"));
            assertThat(indicator.baseline()).isEqualTo("222");
            assertThat(indicator.baselineYear()).isEqualTo(2022);
            assertThat(indicator.target()).isEqualTo("550");
            assertThat(indicator.status()).isNull();
        });
    }
}
