package org.duban.api.supervision;

import java.time.LocalDate;
import java.util.Map;

/**
 * An indicator's on-schedule status changed when it was assessed on {@code asOf}.
 *
 * @param fromStatus the status before, absent at an indicator's first assessment
 * @param rule   the name of the rule that decided it (see the status rules' configuration)
 * @param values the figures the rule compared, by name (latestValue, onSchedule, target, …), as text
 */
public record IndicatorStatusChanged(String indicatorId, String planId, RagStatus fromStatus, RagStatus toStatus, String rule,
                                     Map<String, String> values, LocalDate asOf) {
}
