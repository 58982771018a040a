package org.duban.api.supervision;

import java.time.LocalDate;

/**
 * A task behind a dashboard figure.
 *
 * @param sectionId    the level-1 section the task is under, absent for a task outside sections
 * @param status       absent while the task has not been assessed
 * @param rule         the rule that decided the status, absent with it
 * @param asOf         the day of the assessment, absent with it
 */
public record StatusRow(String taskId, String planId, String shownNumber, String text, String leadUnitId,
                        String leadUnitName, String sectionId, String sectionTitle, RagStatus status, String rule,
                        LocalDate asOf) {
}
