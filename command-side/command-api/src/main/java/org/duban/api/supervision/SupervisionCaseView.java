package org.duban.api.supervision;

import org.duban.api.reporting.EvidenceRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A supervision case as the lists and the 督办单 page show it.
 *
 * @param stage            where the case stands: AWAITING_PLAN, RECTIFYING, RESULT_SUBMITTED or CLOSED_OUT
 * @param deadline         the rectification deadline in force, once the unit has answered
 * @param rejection        why the last result was sent back, while the unit rectifies again
 * @param extensionId      the extension waiting for a decision, with its day and reason, else null
 */
public record SupervisionCaseView(String caseId, String planId, String office, SupervisedItem item, String unitId,
                                  String unitName, NoticeGrade grade, CaseTrigger trigger, String stage, String reason,
                                  LocalDate answerBy, LocalDate deadline, Instant issuedAt, Instant escalatedAt,
                                  Instant closedAt, Instant updatedAt, String rectificationPlan, String result,
                                  List<EvidenceRef> evidence, String rejection, int rejections, String extensionId,
                                  LocalDate extensionUntil, String extensionReason) {

    public boolean closedOut() {
        return "CLOSED_OUT".equals(stage);
    }
}
