package org.duban.api.reporting;

public record ReportingCadenceSet(String planId, Cadence cadence, int dueDay, int graceWorkingDays) {
}
