package org.duban.api.unit;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A registered unit's id follows from its name, so registering the same name twice reaches the same aggregate
 * and the registry cannot hold two units of one name.
 */
public final class UnitIds {
    private UnitIds() {
    }

    public static String of(String name) {
        return "unit-" + UUID.nameUUIDFromBytes(name.strip().getBytes(StandardCharsets.UTF_8));
    }
}
