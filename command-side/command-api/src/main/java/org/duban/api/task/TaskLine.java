package org.duban.api.task;

import org.duban.api.unit.UnitRef;

/** A task as a list of steps shows it: its plan (and the plan's supervising office), number, text and lead unit. */
public record TaskLine(String taskId, String planId, String planTitle, String supervisingUnit, int number,
                       String code, String text, UnitRef leadUnit) {
}
