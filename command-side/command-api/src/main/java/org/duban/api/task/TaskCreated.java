package org.duban.api.task;

import org.axonframework.serialization.Revision;
import org.duban.api.unit.UnitRef;

import java.time.LocalDate;
import java.util.List;

@Revision("1")
public record TaskCreated(String taskId, String planId, String sectionId, int number, String text, UnitRef leadUnit,
                          List<UnitRef> coUnits, LocalDate dueDate, String remark) {
}
