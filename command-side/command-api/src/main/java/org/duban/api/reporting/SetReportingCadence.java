package org.duban.api.reporting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

/**
 * How often units report on the plan's tasks: reports are due on {@code dueDay} of the month after each period
 * (moved to the next working day), and become overdue {@code graceWorkingDays} working days later. Either may be
 * left out (null); the plan then takes its defaults.
 */
public record SetReportingCadence(@TargetAggregateIdentifier String planId, Cadence cadence, Integer dueDay,
                                  Integer graceWorkingDays) {
    public SetReportingCadence {
        Require.id(planId, "planId");
        Require.present(cadence, "cadence");
        if (dueDay != null && (dueDay < 1 || dueDay > 28)) {
            throw new IllegalArgumentException("dueDay must be between 1 and 28, not " + dueDay);
        }
        if (graceWorkingDays != null && (graceWorkingDays < 0 || graceWorkingDays > 30)) {
            throw new IllegalArgumentException("graceWorkingDays must be between 0 and 30, not " + graceWorkingDays);
        }
    }
}
