package org.duban.api.reporting;

/** The tasks of a plan whose report for the period is open (or further along); answers their ids. */
public record FindTasksReporting(String planId, String periodKey) {
}
