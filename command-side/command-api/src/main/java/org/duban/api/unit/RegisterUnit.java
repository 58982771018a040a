package org.duban.api.unit;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

import java.util.List;
import java.util.Objects;

import static org.duban.api.Require.text;

/**
 * Registers a responsible unit (责任单位). Registering a registered name again only adds aliases it lacks.
 *
 * @param collective   true for a group named collectively (各区县政府, 市级有关部门, "…等部门")
 * @param jurisdiction the area whose government the unit belongs to, e.g. 大足区 or 重庆市; may be absent
 */
public record RegisterUnit(@TargetAggregateIdentifier String unitId, String name, List<String> aliases,
                           boolean collective, String jurisdiction) {
    public RegisterUnit {
        String registered = text(name, "unit name", Limits.NAME);
        if (!UnitIds.of(registered).equals(unitId)) {
            throw new IllegalArgumentException("unitId of unit " + registered + " must be " + UnitIds.of(registered));
        }
        name = registered;
        aliases = Require.atMost(aliases, "aliases", Limits.ALIASES).stream()
                .map(alias -> Require.optionalText(alias, "alias", Limits.NAME)).filter(Objects::nonNull)
                .filter(a -> !a.equals(registered)).distinct().toList();
        jurisdiction = Require.optionalText(jurisdiction, "jurisdiction", Limits.NAME);
    }

    public static RegisterUnit named(String name, boolean collective, String jurisdiction) {
        return new RegisterUnit(UnitIds.of(name), name, List.of(), collective, jurisdiction);
    }
}
