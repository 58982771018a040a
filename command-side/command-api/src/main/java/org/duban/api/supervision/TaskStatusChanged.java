package org.duban.api.supervision;

import java.time.LocalDate;
import java.util.Map;

/**
 * A task's on-schedule status changed when it was assessed on {@code asOf}.
 *
 * @param fromStatus the status before, absent at a task's first assessment
 * @param rule   the name of the rule that decided it (see the status rules' configuration)
 * @param values the figures the rule compared, by name (elapsedShare, reportedPercent, overdueReports, …), as text
 */
public record TaskStatusChanged(String taskId, String planId, String leadUnitId, RagStatus fromStatus, RagStatus toStatus,
                                String rule, Map<String, String> values, LocalDate asOf) {
}
