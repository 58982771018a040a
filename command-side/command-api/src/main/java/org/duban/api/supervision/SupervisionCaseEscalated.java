package org.duban.api.supervision;

import java.time.LocalDate;

/** The notice went up a grade, by a timer when unanswered or by a supervisor; the unit answers by the new day. */
public record SupervisionCaseEscalated(String caseId, String planId, String unitId, NoticeGrade fromGrade, NoticeGrade toGrade,
                                       LocalDate answerBy, String reason) {
}
