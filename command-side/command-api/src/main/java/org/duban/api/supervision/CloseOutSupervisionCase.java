package org.duban.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

/** A supervisor verified the submitted result and closes the case (销号). */
public record CloseOutSupervisionCase(@TargetAggregateIdentifier String caseId, String comment) {
    public CloseOutSupervisionCase {
        Require.id(caseId, "caseId");
        comment = Require.optionalText(comment, "comment", Limits.REASON);
    }
}
