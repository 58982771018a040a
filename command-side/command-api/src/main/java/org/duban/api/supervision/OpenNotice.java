package org.duban.api.supervision;

import java.time.Instant;

/**
 * A supervision case not closed out yet.
 *
 * @param taskText the text of the task it concerns, absent for a case about an indicator
 * @param ageDays  calendar days from the day it was issued to the day asked about
 */
public record OpenNotice(String caseId, String planId, String taskId, String taskText, String indicatorId,
                         String unitId, String unitName, NoticeGrade grade, String stage, Instant issuedAt,
                         long ageDays, NoticeAge age) {
}
