package org.duban.api.supervision;

import org.duban.api.Require;

import java.time.LocalDate;

/** Answered with the unit's {@link UnitBoard} on {@code asOf}. */
public record FindUnitBoard(String unitId, LocalDate asOf) {
    public FindUnitBoard {
        unitId = Require.id(unitId, "unitId");
        Require.present(asOf, "asOf");
    }
}
