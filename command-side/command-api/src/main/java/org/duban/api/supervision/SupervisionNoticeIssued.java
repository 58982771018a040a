package org.duban.api.supervision;

import org.duban.api.unit.UnitRef;

import java.time.LocalDate;

/**
 * A supervision case was opened with its notice (督办单) to a unit.
 *
 * @param office   the supervising office of the plan, whose supervisors act on the case
 * @param answerBy the day by which the unit answers with a rectification plan, else the notice escalates
 */
public record SupervisionNoticeIssued(String caseId, String planId, String office, SupervisedItem item, UnitRef unit,
                                      NoticeGrade grade, CaseTrigger trigger, String reason, LocalDate answerBy) {
}
