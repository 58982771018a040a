package org.duban.api.task;

import org.duban.api.unit.UnitRef;

import java.time.LocalDate;
import java.util.List;

/** The lead unit must acknowledge by {@code acknowledgeBy}; the co-units are told of their part. */
public record TaskAssigned(String taskId, String planId, UnitRef leadUnit, List<UnitRef> coUnits,
                           LocalDate acknowledgeBy) {
}
