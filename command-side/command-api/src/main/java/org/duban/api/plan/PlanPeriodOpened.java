package org.duban.api.plan;

import org.axonframework.serialization.Revision;
import org.duban.api.reporting.ReportingPeriod;

/** A reporting period of the plan opened: its tasks' reports for it are opened next. */
@Revision("1")
public record PlanPeriodOpened(String planId, ReportingPeriod period) {
}
