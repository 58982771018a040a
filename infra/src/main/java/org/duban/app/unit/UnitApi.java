package org.duban.app.unit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.unit.FindUnitTasks;
import org.duban.api.unit.ListUnits;
import org.duban.api.unit.UnitTasks;
import org.duban.api.unit.UnitView;
import org.duban.app.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** JSON API of the unit registry and of each unit's tasks. */
@RestController
@RequestMapping("/api/units")
class UnitApi {
    private final QueryGateway queries;

    UnitApi(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    List<UnitView> list() {
        return units(queries);
    }

    /** The tasks the unit leads and, separately, those it helps with as a co-unit. */
    @GetMapping("/{unitId}/tasks")
    UnitTasks tasks(@PathVariable String unitId) {
        if (units(queries).stream().noneMatch(unit -> unit.unitId().equals(unitId))) {
            throw new NotFound("unit " + unitId + " is not registered");
        }
        return queries.query(new FindUnitTasks(unitId), ResponseTypes.instanceOf(UnitTasks.class)).join();
    }

    static List<UnitView> units(QueryGateway queries) {
        return queries.query(new ListUnits(), ResponseTypes.multipleInstancesOf(UnitView.class)).join();
    }
}
