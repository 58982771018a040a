package org.duban.api.unit;

import org.duban.api.Require;
import org.duban.api.Limits;
import static org.duban.api.Require.text;

/**
 * A responsible unit as a task or indicator names it: the registered unit it links to, and the name exactly as
 * the document wrote it (区卫生健康委（区疾控局） links to 区卫生健康委 and is shown as written).
 */
public record UnitRef(String unitId, String name) {
    public UnitRef {
        Require.id(unitId, "unitId");
        name = text(name, "unit name", Limits.NAME);
    }
}
