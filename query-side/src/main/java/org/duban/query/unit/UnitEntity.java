package org.duban.query.unit;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.duban.api.unit.UnitView;
import org.hibernate.annotations.BatchSize;

import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "unit_registry")
class UnitEntity {
    @Id
    @Column(name = "unit_id")
    String unitId;
    String name;
    boolean collective;
    String jurisdiction;
    // a plan's rows load their lists in a few statements, not one each (a plan tree: 94 tasks)
    @BatchSize(size = 128)
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "unit_alias", joinColumns = @JoinColumn(name = "unit_id"))
    @OrderColumn(name = "position")
    @Column(name = "alias")
    List<String> aliases = new ArrayList<>();

    protected UnitEntity() {
    }

    UnitEntity(String unitId, String name, List<String> aliases, boolean collective, String jurisdiction) {
        this.unitId = unitId;
        this.name = name;
        this.aliases = new ArrayList<>(aliases);
        this.collective = collective;
        this.jurisdiction = jurisdiction;
    }

    UnitView toView() {
        return new UnitView(unitId, name, List.copyOf(aliases), collective, jurisdiction);
    }
}
