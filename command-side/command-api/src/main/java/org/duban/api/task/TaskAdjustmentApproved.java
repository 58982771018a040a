package org.duban.api.task;

import org.axonframework.serialization.Revision;

/**
 * Revision 2: the approved units ({@code units}, for kind {@link AdjustmentKind#UNITS} only) as a value beside the
 * proposal as written; see {@link TaskAdjustmentRequested}.
 */
@Revision("2")
public record TaskAdjustmentApproved(String taskId, String adjustmentId, AdjustmentKind kind, String proposal,
                                     UnitChange units, String reason) {
    public TaskAdjustmentApproved {
        UnitChange.requireFor(kind, units);
    }
}
