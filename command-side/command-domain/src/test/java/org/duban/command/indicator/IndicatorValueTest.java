package org.duban.command.indicator;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.NotAuthorized;
import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.ChangeIndicatorSupervision;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorSupervisionChanged;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.IndicatorValueRecorded;
import org.duban.api.indicator.RecordIndicatorValue;
import org.duban.api.indicator.Target;
import org.duban.api.indicator.ValueSource;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.reporting.EvidenceRef;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Values of indicator i-1 per period: from accepted reports (the system) and from the office's supervisors. */
class IndicatorValueTest {
    static final String OFFICE = "区政府督查室";
    static final Map<String, Object> SUPERVISOR = Map.of("actorRole", "SUPERVISOR", "actorUnit", OFFICE);
    static final Map<String, Object> OTHER_SUPERVISOR = Map.of("actorRole", "SUPERVISOR", "actorUnit", "市政府督查办");
    static final Map<String, Object> UNIT_USER = Map.of("actorRole", "UNIT_USER", "actorUnit", "区卫生健康委");
    static final List<EvidenceRef> EVIDENCE = List.of(new EvidenceRef("e-1", "统计表.xlsx", 2048, "cd".repeat(32),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final AggregateTestFixture<Indicator> fixture = new AggregateTestFixture<>(Indicator.class);

    static IndicatorDefined defined(IndicatorAttribute attribute) {
        return new IndicatorDefined("i-1", "p-1", null, 1, "1", null, "二级以上中医医院设置康复科比例", "%",
                Baseline.parse(2022, "15%"), Target.parse(2027, "不低于20%"), attribute, Direction.INCREASE, List.of(),
                null, new PlanPeriod(2023, 2027), OFFICE);
    }

    static IndicatorValueRecorded recorded(String period, String value, int version) {
        return new IndicatorValueRecorded("i-1", "p-1", period, new BigDecimal(value.replace("%", "")), value,
                ValueSource.REPORT, "t-1", EVIDENCE, version, null);
    }

    private static RecordIndicatorValue fromReport(String period, String value) {
        return new RecordIndicatorValue("i-1", period, value, ValueSource.REPORT, "t-1", EVIDENCE, null);
    }

    private static RecordIndicatorValue bySupervisor(String period, String value, String reason) {
        return new RecordIndicatorValue("i-1", period, value, ValueSource.SUPERVISOR, null, List.of(), reason);
    }

    @Test
    void an_accepted_reports_value_is_the_periods_first_version_with_its_task_and_evidence() {
        fixture.given(defined(IndicatorAttribute.EXPECTED))
                .when(fromReport("2025-Q1", "16.5%"))
                .expectResultMessagePayload(true)
                .expectEvents(new IndicatorValueRecorded("i-1", "p-1", "2025-Q1", new BigDecimal("16.5"), "16.5%",
                        ValueSource.REPORT, "t-1", EVIDENCE, 1, null));
    }

    @Test
    void a_range_reads_as_its_middle_and_text_that_is_no_number_is_kept_as_written() {
        fixture.given(defined(IndicatorAttribute.EXPECTED))
                .when(fromReport("2025-Q1", "13—15"))
                .expectEvents(new IndicatorValueRecorded("i-1", "p-1", "2025-Q1", new BigDecimal("14"), "13—15",
                        ValueSource.REPORT, "t-1", EVIDENCE, 1, null));
        fixture.given(defined(IndicatorAttribute.EXPECTED))
                .when(fromReport("2025-Q1", "基本完成"))
                .expectEvents(new IndicatorValueRecorded("i-1", "p-1", "2025-Q1", null, "基本完成",
                        ValueSource.REPORT, "t-1", EVIDENCE, 1, null));
    }

    @Test
    void the_same_value_again_changes_nothing() {
        fixture.given(defined(IndicatorAttribute.EXPECTED), recorded("2025-Q1", "16.5%", 1))
                .when(fromReport("2025-Q1", "16.5%"))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void a_supervisors_correction_is_the_next_version_and_needs_a_reason() {
        fixture.given(defined(IndicatorAttribute.EXPECTED), recorded("2025-Q1", "16.5%", 1))
                .when(bySupervisor("2025-Q1", "16.2%", null), SUPERVISOR)
                .expectException(CommandRefused.class)
                .expectExceptionMessage("the 2025-Q1 value of indicator i-1 is 16.5%; say why it is corrected")
                .expectNoEvents();
        fixture.given(defined(IndicatorAttribute.EXPECTED), recorded("2025-Q1", "16.5%", 1))
                .when(bySupervisor("2025-Q1", "16.2%", "统计局年报口径更正"), SUPERVISOR)
                .expectEvents(new IndicatorValueRecorded("i-1", "p-1", "2025-Q1", new BigDecimal("16.2"), "16.2%",
                        ValueSource.SUPERVISOR, null, List.of(), 2, "统计局年报口径更正"));
    }

    @Test
    void a_later_accepted_report_corrects_the_periods_value_without_a_reason() {
        fixture.given(defined(IndicatorAttribute.EXPECTED), recorded("2025-Q1", "16.5%", 1))
                .when(fromReport("2025-Q1", "16.8%"))
                .expectEvents(new IndicatorValueRecorded("i-1", "p-1", "2025-Q1", new BigDecimal("16.8"), "16.8%",
                        ValueSource.REPORT, "t-1", EVIDENCE, 2, null));
    }

    @Test
    void a_first_value_by_a_supervisor_needs_no_reason() {
        fixture.given(defined(IndicatorAttribute.EXPECTED))
                .when(bySupervisor("2025", "17%", null), SUPERVISOR)
                .expectEvents(new IndicatorValueRecorded("i-1", "p-1", "2025", new BigDecimal("17"), "17%",
                        ValueSource.SUPERVISOR, null, List.of(), 1, null));
    }

    @Test
    void the_system_and_the_offices_supervisors_record_values_others_may_not() {
        fixture.given(defined(IndicatorAttribute.EXPECTED))
                .when(fromReport("2025-Q1", "16.5%"), SUPERVISOR)
                .expectResultMessagePayload(true);
        fixture.given(defined(IndicatorAttribute.EXPECTED))
                .when(fromReport("2025-Q1", "16.5%"), UNIT_USER)
                .expectException(NotAuthorized.class)
                .expectNoEvents();
        fixture.given(defined(IndicatorAttribute.EXPECTED))
                .when(bySupervisor("2025", "17%", null), OTHER_SUPERVISOR)
                .expectException(NotAuthorized.class);
        fixture.given(defined(IndicatorAttribute.EXPECTED))
                .when(bySupervisor("2025", "17%", null), UNIT_USER)
                .expectException(NotAuthorized.class);
    }

    @Test
    void an_indicator_handed_to_another_office_with_its_plan_takes_values_from_that_offices_supervisors() {
        fixture.given(defined(IndicatorAttribute.EXPECTED))
                .when(new ChangeIndicatorSupervision("i-1", "市政府督查办"), Map.of("actorRole", "ADMIN"))
                .expectEvents(new IndicatorSupervisionChanged("i-1", "p-1", "市政府督查办"));
        fixture.given(defined(IndicatorAttribute.EXPECTED))
                .when(new ChangeIndicatorSupervision("i-1", "市政府督查办"), SUPERVISOR)
                .expectException(NotAuthorized.class);
        fixture.given(defined(IndicatorAttribute.EXPECTED), new IndicatorSupervisionChanged("i-1", "p-1", "市政府督查办"))
                .when(bySupervisor("2025", "17%", null), OTHER_SUPERVISOR)
                .expectResultMessagePayload(true);
        fixture.given(defined(IndicatorAttribute.EXPECTED), new IndicatorSupervisionChanged("i-1", "p-1", "市政府督查办"))
                .when(bySupervisor("2025", "17%", null), SUPERVISOR)
                .expectException(NotAuthorized.class);
    }

    @Test
    void a_value_from_a_report_names_its_task() {
        assertThatThrownBy(() -> new RecordIndicatorValue("i-1", "2025-Q1", "12", ValueSource.REPORT, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taskId");
        assertThatThrownBy(() -> new RecordIndicatorValue("i-1", "2025-Q1", " ", ValueSource.SUPERVISOR, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("indicator value");
    }
}
