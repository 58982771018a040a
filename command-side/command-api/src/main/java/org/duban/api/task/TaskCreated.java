package org.duban.api.task;

import org.axonframework.serialization.Revision;
import org.duban.api.plan.PlanPeriod;
import org.duban.api.unit.UnitRef;

import java.time.LocalDate;
import java.util.List;

/**
 * Revision 1; planPeriod and supervisingOffice were added as optional fields, so tasks created before read them as
 * null: their due dates are not bounded by the plan's years, and their supervisors are those of the plan's office.
 * {@code code} (the number as the document prints it) was added the same way: tasks created before have none and
 * show their place in the plan.
 */
@Revision("1")
public record TaskCreated(String taskId, String planId, String sectionId, int number, String code, String text, UnitRef leadUnit,
                          List<UnitRef> coUnits, LocalDate dueDate, String remark,
                          PlanPeriod planPeriod, String supervisingOffice) {
}
