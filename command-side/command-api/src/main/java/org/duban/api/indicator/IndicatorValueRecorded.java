package org.duban.api.indicator;

import org.duban.api.reporting.EvidenceRef;

import java.math.BigDecimal;
import java.util.List;

/**
 * A value of the indicator for a period. A later value for the same period corrects the earlier one: {@code version}
 * counts the values given for the period from 1, and the earlier ones stay in the history.
 *
 * @param value     the number read from {@code asWritten}; for a range such as 13—15 its middle; absent when the
 *                  text is not a number
 * @param taskId    the task whose accepted report gave it, when the source is a report
 * @param reason    why it was corrected, absent for a first value
 */
public record IndicatorValueRecorded(String indicatorId, String planId, String periodKey, BigDecimal value,
                                     String asWritten, ValueSource source, String taskId, List<EvidenceRef> evidence,
                                     int version, String reason) {
}
