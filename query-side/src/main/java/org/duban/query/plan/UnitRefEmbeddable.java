package org.duban.query.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.duban.api.unit.UnitRef;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A unit as a task or indicator names it, stored in order beside the row that names it. */
@Embeddable
class UnitRefEmbeddable {
    @Column(name = "unit_id")
    String unitId;
    @Column(name = "unit_name")
    String unitName;

    protected UnitRefEmbeddable() {
    }

    UnitRefEmbeddable(UnitRef unit) {
        this.unitId = unit.unitId();
        this.unitName = unit.name();
    }

    UnitRef toRef() {
        return new UnitRef(unitId, unitName);
    }

    static List<UnitRefEmbeddable> of(List<UnitRef> units) {
        return units.stream().map(UnitRefEmbeddable::new).collect(Collectors.toCollection(ArrayList::new));
    }

    static List<UnitRef> refs(List<UnitRefEmbeddable> units) {
        return units.stream().map(UnitRefEmbeddable::toRef).toList();
    }
}
