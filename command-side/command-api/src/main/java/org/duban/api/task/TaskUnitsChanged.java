package org.duban.api.task;

import org.duban.api.unit.UnitRef;

import java.util.List;

/** An approved adjustment gave the task other units: the lead unit now acknowledges, reports and answers for it. */
public record TaskUnitsChanged(String taskId, String planId, String adjustmentId, UnitRef leadUnit,
                               List<UnitRef> coUnits) {
}
