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
 * @param rows        what became of every non-empty row of the file's tables, or paragraph of its text
 * @param fromText    the plan was read from running text: the items are proposals a supervisor reviews
 * @param proposal    for a plan read from text, every section, task and indicator beside its sentence, with the
 *                    ids a review refers to; empty for tables
 */
public record ImportReport(boolean dryRun, boolean imported, String planId, String fileName, String format, long size,
                           String sha256, int level1Sections, int level2Sections, int level3Sections, int tasks,
                           int indicators, List<String> unitNames, Map<String, Integer> leadCounts,
                           List<String> newUnits, List<ImportProblem> errors, List<ImportProblem> warnings,
                           List<RowOutcome> rows, boolean fromText, List<ProposedItem> proposal) {
}
