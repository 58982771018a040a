package org.duban.api.task;

import org.duban.api.unit.UnitRef;

import java.time.LocalDate;
import java.util.List;

/** A task as inboxes list it, with who may act on it: its units and the plan's supervising unit. */
public record TaskSummary(String taskId, String planId, String planTitle, String supervisingUnit, int number,
                          String text, UnitRef leadUnit, List<UnitRef> coUnits, TaskStatus status,
                          LocalDate acknowledgeBy) {
}
