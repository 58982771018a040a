package org.duban.app.plan.importing;

import java.util.List;
import java.util.Map;

/**
 * What an import found and did. A dry run answers with the same report as the real import would, and changes
 * nothing; a real import with any error changes nothing either.
 *
 * @param planId      the plan created, or null for a dry run or a refused import
 * @param unitNames   the distinct unit names as written, in order of first appearance
 * @param leadCounts  how many tasks each unit name leads, as written
 * @param newUnits    unit names not yet in the registry, registered by the import
 */
public record ImportReport(boolean dryRun, boolean imported, String planId, String fileName, String format, long size,
                           String sha256, int level1Sections, int level2Sections, int level3Sections, int tasks,
                           int indicators, List<String> unitNames, Map<String, Integer> leadCounts,
                           List<String> newUnits, List<ImportProblem> errors, List<ImportProblem> warnings) {
}
