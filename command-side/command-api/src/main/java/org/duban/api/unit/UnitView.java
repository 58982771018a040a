package org.duban.api.unit;

import java.util.List;

/** A registered unit. */
public record UnitView(String unitId, String name, List<String> aliases, boolean collective, String jurisdiction) {
}
