package org.duban.api.task;

import org.duban.api.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Instead of acknowledging, the lead unit asks for an adjustment with a reason. For {@link AdjustmentKind#DUE_DATE}
 * the proposal is a date (2026-06-30), for {@link AdjustmentKind#UNITS} the units as {@link UnitChange} reads them;
 * those are read once, here, into {@code units}, which the events carry on.
 */
public record RequestTaskAdjustment(@TargetAggregateIdentifier String taskId, String unitId, String adjustmentId,
                                    AdjustmentKind kind, String proposal, UnitChange units, String reason) {
    public RequestTaskAdjustment {
        Require.id(taskId, "taskId");
        Require.id(unitId, "unitId");
        Require.id(adjustmentId, "adjustmentId");
        Require.present(kind, "adjustment kind");
        if (kind == AdjustmentKind.UNITS && proposal == null && units != null) {
            proposal = units.text();
        }
        proposal = Require.text(proposal, "proposal", Limits.REASON);
        reason = Require.text(reason, "reason", Limits.REASON);
        if (kind == AdjustmentKind.UNITS) {
            UnitChange written = UnitChange.parse(proposal);
            if (units != null && !units.equals(written)) {
                throw new IllegalArgumentException("proposal \"" + proposal + "\" does not name the units proposed, "
                        + units.text());
            }
            units = written;
        } else if (units != null) {
            throw new IllegalArgumentException("units are proposed only by an adjustment of kind UNITS, not " + kind);
        }
        if (kind == AdjustmentKind.DUE_DATE) {
            try {
                LocalDate.parse(proposal);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("proposal \"" + proposal + "\" is not a date such as 2026-06-30");
            }
        }
    }

    /** The proposal as written; for kind UNITS it is read into {@link #units()}. */
    public RequestTaskAdjustment(String taskId, String unitId, String adjustmentId, AdjustmentKind kind,
                                 String proposal, String reason) {
        this(taskId, unitId, adjustmentId, kind, proposal, null, reason);
    }
}
