package org.duban.api.plan;

/** What an import created. */
public record ImportCounts(int level1Sections, int level2Sections, int level3Sections, int tasks, int indicators,
                           int unitNames, int newUnits, int warnings) {
}
