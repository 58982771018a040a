package org.duban.api.unit;

import org.duban.api.task.TaskNumbers;

import java.util.List;

/** The tasks a unit leads and the tasks it helps with as a co-unit, across all plans. */
public record UnitTasks(String unitId, List<Entry> lead, List<Entry> co) {

    /**
     * @param code    the task's number as the document prints it, or absent
     * @param section the heading of the task's section, e.g. 1.打造中医药服务高地; empty for a task under no heading
     */
    public record Entry(String taskId, String planId, String planTitle, int number, String code, String section,
                        String text, UnitRef leadUnit, List<UnitRef> coUnits) {

        public String shownNumber() {
            return TaskNumbers.shown(number, code);
        }
    }
}
