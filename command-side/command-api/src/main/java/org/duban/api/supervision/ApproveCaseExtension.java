package org.duban.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** A supervisor grants the pending extension: its day becomes the deadline in force. */
public record ApproveCaseExtension(@TargetAggregateIdentifier String caseId, String extensionId, String reason) {
    public ApproveCaseExtension {
        Require.id(caseId, "caseId");
        Require.id(extensionId, "extensionId");
        reason = Require.optionalText(reason, "reason", Limits.REASON);
    }
}
