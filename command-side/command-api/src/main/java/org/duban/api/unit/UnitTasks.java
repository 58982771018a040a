package org.duban.api.unit;

import java.util.List;

/** The tasks a unit leads and the tasks it helps with as a co-unit, across all plans. */
public record UnitTasks(String unitId, List<Entry> lead, List<Entry> co) {

    /** @param section the heading of the task's section, e.g. 1.打造中医药服务高地 */
    public record Entry(String taskId, String planId, String planTitle, int number, String section, String text,
                        UnitRef leadUnit, List<UnitRef> coUnits) {
    }
}
