package org.duban.api.reporting;

import org.duban.api.unit.UnitRef;

import java.time.LocalDate;
import java.util.List;

public record ReportingPeriodOpened(String taskId, String planId, ReportingPeriod period, LocalDate dueOn,
                                    LocalDate overdueOn, UnitRef leadUnit, List<UnitRef> coUnits) {
}
