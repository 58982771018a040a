package org.duban.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** A supervisor refuses the pending extension with the reason; the deadline stays. */
public record RefuseCaseExtension(@TargetAggregateIdentifier String caseId, String extensionId, String reason) {
    public RefuseCaseExtension {
        Require.id(caseId, "caseId");
        Require.id(extensionId, "extensionId");
        reason = Require.text(reason, "reason", Limits.REASON);
    }
}
