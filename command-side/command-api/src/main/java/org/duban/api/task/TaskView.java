package org.duban.api.task;

import org.duban.api.unit.UnitRef;

import java.time.LocalDate;
import java.util.List;

/** A task as the plan tree and the unit lists show it. */
public record TaskView(String taskId, String planId, String sectionId, int number, String text, UnitRef leadUnit,
                       List<UnitRef> coUnits, LocalDate dueDate, String remark) {
}
