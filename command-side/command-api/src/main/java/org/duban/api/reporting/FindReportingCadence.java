package org.duban.api.reporting;

/** Answered with the plan's {@link ReportingCadenceSet}, if one was set. */
public record FindReportingCadence(String planId) {
}
