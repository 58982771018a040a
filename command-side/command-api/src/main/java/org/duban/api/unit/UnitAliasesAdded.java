package org.duban.api.unit;

import org.axonframework.serialization.Revision;

import java.util.List;

@Revision("1")
public record UnitAliasesAdded(String unitId, List<String> aliases) {
}
