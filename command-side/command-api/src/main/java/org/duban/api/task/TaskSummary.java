package org.duban.api.task;

import org.duban.api.unit.UnitRef;

import java.time.LocalDate;
import java.util.List;

/**
 * A task as inboxes list it, with who may act on it: its units and the plan's supervising unit.
 *
 * @param code the task's number as the document prints it, or absent
 */
public record TaskSummary(String taskId, String planId, String planTitle, String supervisingUnit, int number,
                          String code, String text, UnitRef leadUnit, List<UnitRef> coUnits, TaskStatus status,
                          LocalDate acknowledgeBy) {

    /** The number a reader looks for in the document: the printed one, else the place in the plan. */
    public String shownNumber() {
        return TaskNumbers.shown(number, code);
    }
}
