package org.duban.app.plan.importing;

import java.util.List;

/** The importer's own reading of a unit cell, for tools outside this package (the benchmark's accounts). */
public final class UnitCells {
    private UnitCells() {
    }

    /** The units a cell names, the lead first, as an import reads them. */
    public static List<String> names(String cell) {
        return UnitNames.split(cell);
    }
}
