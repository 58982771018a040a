package org.duban.app.unit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.unit.ListUnits;
import org.duban.api.unit.UnitView;

import java.util.HashMap;
import java.util.Map;

/** The registered units by name and by alias, for finding the unit a person wrote down. */
public final class UnitDirectory {
    private UnitDirectory() {
    }

    /** A name wins over another unit's alias of the same spelling. */
    public static Map<String, UnitView> byNameOrAlias(QueryGateway queries) {
        Map<String, UnitView> units = new HashMap<>();
        for (UnitView unit : queries.query(new ListUnits(), ResponseTypes.multipleInstancesOf(UnitView.class)).join()) {
            units.put(unit.name(), unit);
            unit.aliases().forEach(alias -> units.putIfAbsent(alias, unit));
        }
        return units;
    }
}
