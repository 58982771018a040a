package org.duban.command.indicator;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.CommandRefused;
import org.duban.api.NotAuthorized;
import org.duban.api.indicator.ApproveIndicatorAdjustment;
import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorAdjustmentRejected;
import org.duban.api.indicator.IndicatorAdjustmentRequested;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.IndicatorTargetAdjusted;
import org.duban.api.indicator.RejectIndicatorAdjustment;
import org.duban.api.indicator.RequestIndicatorAdjustment;
import org.duban.api.indicator.Target;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dynamic adjustment of an indicator's target: a responsible unit (or a supervisor) asks, the office's supervisors
 * decide; a binding indicator's change names the approving body's document.
 */
class IndicatorAdjustmentTest {
    private static final UnitRef HEALTH = new UnitRef(UnitIds.of("区卫生健康委"), "区卫生健康委");
    private static final String OFFICE = "区政府督查室";
    private static final Map<String, Object> SUPERVISOR = Map.of("actorRole", "SUPERVISOR", "actorUnit", OFFICE);
    private static final Map<String, Object> OTHER_SUPERVISOR = Map.of("actorRole", "SUPERVISOR", "actorUnit", "市政府督查办");
    private static final Map<String, Object> HEALTH_USER = Map.of("actorRole", "UNIT_USER", "actorUnit", HEALTH.unitId());
    private static final Target TARGET = Target.parse(2025, "≥2300");
    private static final Target PROPOSED = Target.parse(2025, "≥2100");

    private final AggregateTestFixture<Indicator> fixture = new AggregateTestFixture<>(Indicator.class);

    private static IndicatorDefined defined(IndicatorAttribute attribute, String office) {
        return new IndicatorDefined("i-1", "p-1", null, 1, "1", null, "中医医疗机构数", "个", Baseline.parse(2020, "1850"),
                TARGET, attribute, Direction.INCREASE, List.of(HEALTH), null, null, office);
    }

    private static IndicatorAdjustmentRequested requested() {
        return new IndicatorAdjustmentRequested("i-1", "p-1", HEALTH.unitId(), "a-1", TARGET, PROPOSED, "受疫情影响");
    }

    @Test
    void a_responsible_unit_asks_and_a_supervisor_of_the_office_approves_the_new_target() {
        fixture.given(defined(IndicatorAttribute.EXPECTED, OFFICE))
                .when(new RequestIndicatorAdjustment("i-1", HEALTH.unitId(), "a-1", "≥2100", "受疫情影响"), HEALTH_USER)
                .expectEvents(requested());
        fixture.given(defined(IndicatorAttribute.EXPECTED, OFFICE), requested())
                .when(new ApproveIndicatorAdjustment("i-1", "a-1", "同意", null), SUPERVISOR)
                .expectEvents(new IndicatorTargetAdjusted("i-1", "p-1", "a-1", TARGET, PROPOSED, "同意"));
    }

    @Test
    void the_next_adjustment_starts_from_the_target_in_force() {
        Target third = Target.parse(2025, "2000—2200");
        fixture.given(defined(IndicatorAttribute.EXPECTED, OFFICE), requested(),
                        new IndicatorTargetAdjusted("i-1", "p-1", "a-1", TARGET, PROPOSED, "同意"))
                .when(new RequestIndicatorAdjustment("i-1", HEALTH.unitId(), "a-2", "2000—2200", "改为区间"))
                .expectEvents(new IndicatorAdjustmentRequested("i-1", "p-1", HEALTH.unitId(), "a-2", PROPOSED, third,
                        "改为区间"));
    }

    @Test
    void a_refused_adjustment_keeps_the_target() {
        IndicatorAdjustmentRejected rejected = new IndicatorAdjustmentRejected("i-1", "p-1", "a-1", "理由不充分");
        fixture.given(defined(IndicatorAttribute.EXPECTED, OFFICE), requested())
                .when(new RejectIndicatorAdjustment("i-1", "a-1", "理由不充分"), SUPERVISOR)
                .expectEvents(rejected);
        // the target in force is still the defined one: asking for it changes nothing
        fixture.given(defined(IndicatorAttribute.EXPECTED, OFFICE), requested(), rejected)
                .when(new RequestIndicatorAdjustment("i-1", HEALTH.unitId(), "a-2", "≥2300", "x"))
                .expectException(CommandRefused.class).expectExceptionMessage("indicator i-1 already has the target ≥2300");
    }

    @Test
    void a_binding_indicator_changes_only_with_the_approving_bodys_document() {
        fixture.given(defined(IndicatorAttribute.BINDING, OFFICE), requested())
                .when(new ApproveIndicatorAdjustment("i-1", "a-1", "同意", null), SUPERVISOR)
                .expectException(CommandRefused.class).expectNoEvents();
        fixture.given(defined(IndicatorAttribute.BINDING, OFFICE), requested())
                .when(new ApproveIndicatorAdjustment("i-1", "a-1", "同意", "渝府函〔2026〕12号"), SUPERVISOR)
                .expectEvents(new IndicatorTargetAdjusted("i-1", "p-1", "a-1", TARGET, PROPOSED, "同意",
                        "渝府函〔2026〕12号"));
    }

    @Test
    void unit_not_responsible_for_the_indicator_cannot_ask() {
        fixture.given(defined(IndicatorAttribute.EXPECTED, OFFICE))
                .when(new RequestIndicatorAdjustment("i-1", UnitIds.of("区财政局"), "a-1", "≥2100", "x"))
                .expectException(CommandRefused.class).expectNoEvents();
    }

    @Test
    void a_supervisor_of_the_office_may_ask_and_one_of_another_office_may_neither_ask_nor_decide() {
        fixture.given(defined(IndicatorAttribute.EXPECTED, OFFICE))
                .when(new RequestIndicatorAdjustment("i-1", OFFICE, "a-1", "≥2100", "受疫情影响"), SUPERVISOR)
                .expectEvents(new IndicatorAdjustmentRequested("i-1", "p-1", OFFICE, "a-1", TARGET, PROPOSED, "受疫情影响"));
        fixture.given(defined(IndicatorAttribute.EXPECTED, OFFICE))
                .when(new RequestIndicatorAdjustment("i-1", "市政府督查办", "a-1", "≥2100", "x"), OTHER_SUPERVISOR)
                .expectException(NotAuthorized.class);
        fixture.given(defined(IndicatorAttribute.EXPECTED, OFFICE), requested())
                .when(new ApproveIndicatorAdjustment("i-1", "a-1", null, null), OTHER_SUPERVISOR)
                .expectException(NotAuthorized.class).expectNoEvents();
        fixture.given(defined(IndicatorAttribute.EXPECTED, OFFICE), requested())
                .when(new RejectIndicatorAdjustment("i-1", "a-1", "x"), HEALTH_USER)
                .expectException(NotAuthorized.class).expectNoEvents();
    }

    @Test
    void an_indicator_that_names_no_office_is_decided_by_any_supervisor_whom_the_application_lets_through() {
        fixture.given(defined(IndicatorAttribute.EXPECTED, null), requested())
                .when(new ApproveIndicatorAdjustment("i-1", "a-1", null, null), OTHER_SUPERVISOR)
                .expectEvents(new IndicatorTargetAdjusted("i-1", "p-1", "a-1", TARGET, PROPOSED, null));
    }

    @Test
    void only_one_adjustment_waits_at_a_time_and_a_decision_names_it() {
        fixture.given(defined(IndicatorAttribute.EXPECTED, OFFICE), requested())
                .when(new RequestIndicatorAdjustment("i-1", HEALTH.unitId(), "a-2", "≥2000", "x"))
                .expectException(CommandRefused.class)
                .expectExceptionMessage("indicator i-1 already waits for a decision on adjustment a-1");
        fixture.given(defined(IndicatorAttribute.EXPECTED, OFFICE))
                .when(new ApproveIndicatorAdjustment("i-1", "a-9", null, null), SUPERVISOR)
                .expectException(CommandRefused.class).expectExceptionMessage("indicator i-1 has no pending adjustment a-9");
    }

    @Test
    void a_target_not_understood_is_refused_naming_the_value() {
        assertThatThrownBy(() -> new RequestIndicatorAdjustment("i-1", HEALTH.unitId(), "a-1", "大幅提高", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proposedTarget").hasMessageContaining("大幅提高");
    }
}
