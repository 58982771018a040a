package org.duban.api.supervision;

import org.duban.api.indicator.TargetKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An indicator's course: its baseline, the values reported per period, the on-schedule path from the baseline to the
 * target in force, and its status.
 *
 * @param baselineValue absent when the plan gives no baseline (then there is no path)
 * @param targetLow     the lower bound of the target in force (EXACT, RANGE, AT_LEAST)
 * @param targetHigh    the upper bound of the target in force (EXACT, RANGE, AT_MOST)
 * @param path          the on-schedule values at the end of each year from the baseline year to the target year
 * @param status        absent while the indicator has not been assessed
 */
public record IndicatorTrajectory(String indicatorId, String planId, String shownNumber, String name,
                                  String unitOfMeasure, Integer baselineYear, BigDecimal baselineValue,
                                  String baselineWritten, Integer targetYear, TargetKind targetKind,
                                  BigDecimal targetLow, BigDecimal targetHigh, String targetWritten, boolean adjusted,
                                  List<Reported> values, List<PathPoint> path, RagStatus status) {

    /**
     * The value in force for a period (its latest version).
     *
     * @param periodEnd   the last day of the period
     * @param value       absent when the text is not a number
     * @param corrections how many times it was corrected (versions after the first)
     */
    public record Reported(String periodKey, LocalDate periodEnd, BigDecimal value, String asWritten,
                           int corrections) {
    }

    /** Where the indicator should stand at the end of a year; one bound absent for a target stated as a bound. */
    public record PathPoint(int year, LocalDate at, BigDecimal low, BigDecimal high) {
    }
}
