package org.duban.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** A supervisor sends the submitted result back (退办) with the reason; the unit rectifies further. */
public record RejectRectification(@TargetAggregateIdentifier String caseId, String reason) {
    public RejectRectification {
        Require.id(caseId, "caseId");
        reason = Require.text(reason, "reason", Limits.REASON);
    }
}
