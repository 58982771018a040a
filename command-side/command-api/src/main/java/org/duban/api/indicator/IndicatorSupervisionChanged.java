package org.duban.api.indicator;

/** The office whose supervisors record values of the indicator and assess it changed with its plan's. */
public record IndicatorSupervisionChanged(String indicatorId, String planId, String office) {
}
