package org.duban.app.plan.importing;

import java.time.LocalDate;
import java.util.List;

/**
 * One section, task or indicator an import would create, as a supervisor reviews it beside the sentence it was read
 * from. The id is stable for the same file ("s3", "t12", "i4": the third section, twelfth task, fourth indicator),
 * so a review sent with the file again refers to the same items.
 *
 * @param section the heading path of the section it sits in (codes and titles, " / " between levels), or null
 * @param task    for an indicator read from a task's text, the id of that task
 */
public record ProposedItem(String id, Kind kind, String code, Integer level, String section, String text,
                           String lead, List<String> coUnits, LocalDate dueDate, String unitOfMeasure, String target,
                           String task, String remark, String sourceTable, int sourceRow, String sourceText) {

    public enum Kind { SECTION, TASK, INDICATOR }
}
