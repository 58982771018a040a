package org.duban.command.indicator;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.indicator.Baseline;
import org.duban.api.indicator.DefineIndicator;
import org.duban.api.indicator.Direction;
import org.duban.api.indicator.IndicatorAttribute;
import org.duban.api.indicator.IndicatorDefined;
import org.duban.api.indicator.Target;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRef;
import org.junit.jupiter.api.Test;

import java.util.List;

class IndicatorTest {
    private static final UnitRef HEALTH = new UnitRef(UnitIds.of("市卫生健康委"), "市卫生健康委");

    private final AggregateTestFixture<Indicator> fixture = new AggregateTestFixture<>(Indicator.class);

    @Test
    void an_indicator_of_a_table_keeps_its_printed_number_and_belongs_to_no_task() {
        Baseline baseline = Baseline.parse(2020, "1850");
        Target target = Target.parse(2025, "≥2300");
        fixture.givenNoPriorActivity()
                .when(new DefineIndicator("i-1", "p-1", null, 1, "1", null, "中医医疗机构数", "个", baseline, target,
                        IndicatorAttribute.EXPECTED, Direction.INCREASE, List.of(HEALTH), null))
                .expectEvents(new IndicatorDefined("i-1", "p-1", null, 1, "1", null, "中医医疗机构数", "个", baseline,
                        target, IndicatorAttribute.EXPECTED, Direction.INCREASE, List.of(HEALTH), null));
    }

    @Test
    void an_indicator_proposed_from_a_plan_written_as_text_names_the_task_that_states_it() {
        Target target = Target.parse(2025, "70%");
        fixture.givenNoPriorActivity()
                .when(new DefineIndicator("i-2", "p-1", null, 2, null, "t-3", "二级以上中医医院设置康复科比例", "%", null,
                        target, null, null, List.of(), null))
                .expectEvents(new IndicatorDefined("i-2", "p-1", null, 2, null, "t-3", "二级以上中医医院设置康复科比例", "%",
                        null, target, null, Direction.UNKNOWN, List.of(), null));
    }
}
