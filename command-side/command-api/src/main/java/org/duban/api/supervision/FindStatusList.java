package org.duban.api.supervision;

import org.duban.api.Require;

/**
 * Answered with the {@link StatusRow}s of the plan's tasks under the filters given, in the plan's order: the list
 * behind a dashboard figure. Every filter is optional.
 *
 * @param sectionId a level-1 section; {@link #OUTSIDE_SECTIONS} for the tasks outside any section
 */
public record FindStatusList(String planId, String sectionId, String unitId, StatusFilter status) {
    public static final String OUTSIDE_SECTIONS = "-";

    public FindStatusList {
        planId = Require.id(planId, "planId");
        sectionId = sectionId == null || sectionId.isBlank() ? null : Require.id(sectionId, "section");
        unitId = unitId == null || unitId.isBlank() ? null : Require.id(unitId, "unit");
    }
}
