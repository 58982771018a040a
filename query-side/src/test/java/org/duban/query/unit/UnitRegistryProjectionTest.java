package org.duban.query.unit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.duban.api.unit.ListUnits;
import org.duban.api.unit.UnitAliasesAdded;
import org.duban.api.unit.UnitRegistered;
import org.duban.api.unit.UnitView;
import org.duban.query.Projections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Given units registered and aliases added, the registry lists every unit with all its names, by name. */
@DataJpaTest(showSql = false)
class UnitRegistryProjectionTest {
    @Autowired
    Projections projections;

    private List<UnitView> units() {
        return projections.query(new ListUnits(), ResponseTypes.multipleInstancesOf(UnitView.class));
    }

    @Test
    void a_registered_unit_keeps_its_aliases_and_gains_the_ones_added_later() {
        projections.given(new UnitRegistered("unit-zq-towns", "各镇街", List.of(), true, "大足区"),
                new UnitRegistered("unit-zq-health", "区卫生健康委", List.of("区卫健委"), false, "大足区"),
                new UnitAliasesAdded("unit-zq-health", List.of("卫生健康委", "区卫生健康委员会")));

        // by name, in the database's order of characters (区 U+533A before 各 U+5404 on H2)
        assertThat(units()).filteredOn(unit -> unit.unitId().startsWith("unit-zq-")).containsExactly(
                new UnitView("unit-zq-health", "区卫生健康委", List.of("区卫健委", "卫生健康委", "区卫生健康委员会"), false, "大足区"),
                new UnitView("unit-zq-towns", "各镇街", List.of(), true, "大足区"));
    }

    @Test
    void aliases_of_a_unit_never_registered_are_ignored() {
        projections.given(new UnitAliasesAdded("unit-zq-nobody", List.of("无此单位")));

        assertThat(units()).noneMatch(unit -> unit.unitId().equals("unit-zq-nobody"));
    }
}
