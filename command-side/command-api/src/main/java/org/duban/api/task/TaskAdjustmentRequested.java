package org.duban.api.task;

import org.axonframework.serialization.Revision;

/**
 * Revision 2: an adjustment of kind {@link AdjustmentKind#UNITS} carries the proposed units as a value
 * ({@code units}; null for other kinds) beside the proposal as written. Events stored in the earlier shape, with the
 * text alone, are read through {@code TaskAdjustmentUpcaster}.
 */
@Revision("2")
public record TaskAdjustmentRequested(String taskId, String unitId, String adjustmentId, AdjustmentKind kind,
                                      String proposal, UnitChange units, String reason) {
    public TaskAdjustmentRequested {
        UnitChange.requireFor(kind, units);
    }
}
