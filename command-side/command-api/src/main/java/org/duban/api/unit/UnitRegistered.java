package org.duban.api.unit;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record UnitRegistered(String unitId, String name, List<String> aliases, boolean collective,
                             String jurisdiction) {
}
