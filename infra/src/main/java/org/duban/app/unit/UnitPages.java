package org.duban.app.unit;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.duban.api.unit.FindUnitNotificationChannels;
import org.duban.api.unit.FindUnitTasks;
import org.duban.api.unit.UnitNotificationChannels;
import org.duban.api.unit.UnitTasks;
import org.duban.api.unit.UnitView;
import org.duban.app.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** Pages of the unit registry and of one unit's tasks, lead and co-unit apart. */
@Controller
@RequestMapping("/units")
class UnitPages {
    private final QueryGateway queries;

    UnitPages(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("units", UnitApi.units(queries));
        return "units/list";
    }

    @GetMapping("/{unitId}")
    String tasks(@PathVariable String unitId, Model model) {
        UnitView unit = UnitApi.units(queries).stream().filter(u -> u.unitId().equals(unitId)).findFirst()
                .orElseThrow(() -> new NotFound("unit " + unitId + " is not registered"));
        model.addAttribute("unit", unit);
        model.addAttribute("tasks", queries.query(new FindUnitTasks(unitId), ResponseTypes.instanceOf(UnitTasks.class)).join());
        model.addAttribute("channels", queries.query(new FindUnitNotificationChannels(unitId),
                ResponseTypes.optionalInstanceOf(UnitNotificationChannels.class)).join().orElse(null));
        return "units/tasks";
    }
}
