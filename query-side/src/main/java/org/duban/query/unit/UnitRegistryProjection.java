package org.duban.query.unit;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.duban.api.unit.ListUnits;
import org.duban.api.unit.UnitAliasesAdded;
import org.duban.api.unit.UnitRegistered;
import org.duban.api.unit.UnitView;
import org.duban.query.ProjectionTables;
import org.springframework.stereotype.Component;

import java.util.List;

/** The unit registry: every registered responsible unit with its aliases. */
@Component
@ProcessingGroup(UnitRegistryProjection.PROCESSING_GROUP)
@ProjectionTables({"unit_alias", "unit_registry"})
class UnitRegistryProjection {
    static final String PROCESSING_GROUP = "unit-registry";

    private final UnitRepository units;

    UnitRegistryProjection(UnitRepository units) {
        this.units = units;
    }

    @EventHandler
    void on(UnitRegistered event) {
        units.save(new UnitEntity(event.unitId(), event.name(), event.aliases(), event.collective(), event.jurisdiction()));
    }

    @EventHandler
    void on(UnitAliasesAdded event) {
        units.findById(event.unitId()).ifPresent(unit -> unit.aliases.addAll(event.aliases()));
    }

    @ResetHandler
    void reset() {
        units.deleteAll();
    }

    @QueryHandler
    List<UnitView> handle(ListUnits query) {
        return units.findAllByOrderByName().stream().map(UnitEntity::toView).toList();
    }
}
