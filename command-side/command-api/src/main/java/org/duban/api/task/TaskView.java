package org.duban.api.task;

import org.duban.api.unit.UnitRef;

import java.time.LocalDate;
import java.util.List;

/**
 * A task as the plan tree and the unit lists show it.
 *
 * @param number its place in the plan, from 1
 * @param code   its number as the document prints it (序号 "12", "（三）"), absent for tasks created without one
 */
public record TaskView(String taskId, String planId, String sectionId, int number, String code, String text,
                       UnitRef leadUnit, List<UnitRef> coUnits, LocalDate dueDate, String remark) {

    /** The number a reader looks for in the document: the printed one, else the place in the plan. */
    public String shownNumber() {
        return TaskNumbers.shown(number, code);
    }
}
