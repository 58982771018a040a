package org.duban.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

import java.time.LocalDate;

/**
 * The named unit asks for more time (延期) until {@code until}, a day after the deadline in force, while that deadline
 * has not passed.
 *
 * @param today the day of the request by the workflow's clock (the one the timers and tests move), set by the sender
 */
public record RequestCaseExtension(@TargetAggregateIdentifier String caseId, String unitId, String extensionId,
                                   LocalDate until, String reason, LocalDate today) {
    public RequestCaseExtension {
        Require.id(caseId, "caseId");
        Require.id(unitId, "unitId");
        Require.id(extensionId, "extensionId");
        Require.present(until, "until");
        reason = Require.text(reason, "reason", Limits.REASON);
        Require.present(today, "today");
    }
}
