package org.duban.command.unit;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.duban.api.unit.RegisterUnit;
import org.duban.api.unit.UnitAliasesAdded;
import org.duban.api.unit.UnitIds;
import org.duban.api.unit.UnitRegistered;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitTest {
    private static final String HEALTH = UnitIds.of("区卫生健康委");

    private final AggregateTestFixture<Unit> fixture = new AggregateTestFixture<>(Unit.class);

    @Test
    void a_unit_is_registered_under_the_id_its_name_gives() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUnit(HEALTH, "区卫生健康委", List.of("区卫健委"), false, "大足区"))
                .expectEvents(new UnitRegistered(HEALTH, "区卫生健康委", List.of("区卫健委"), false, "大足区"));
    }

    @Test
    void registering_a_registered_name_again_only_adds_new_aliases() {
        fixture.given(new UnitRegistered(HEALTH, "区卫生健康委", List.of("区卫健委"), false, "大足区"))
                .when(new RegisterUnit(HEALTH, "区卫生健康委", List.of("区卫健委", "大足区卫生健康委"), false, "大足区"))
                .expectEvents(new UnitAliasesAdded(HEALTH, List.of("大足区卫生健康委")));
        fixture.given(new UnitRegistered(HEALTH, "区卫生健康委", List.of(), false, "大足区"))
                .when(RegisterUnit.named("区卫生健康委", false, "大足区"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_id_must_be_the_one_the_name_gives() {
        assertThatThrownBy(() -> new RegisterUnit("unit-x", "区财政局", List.of(), false, null))
                .hasMessageContaining("unitId of unit 区财政局 must be unit-");
    }
}
