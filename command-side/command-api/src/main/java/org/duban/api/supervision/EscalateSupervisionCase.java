package org.duban.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

import java.time.LocalDate;

/**
 * Raises a case's notice one grade: by the timer when the unit has not answered (no reason), or by a supervisor.
 * Listed supervision is the highest grade: escalating it changes nothing. The case answers whether it escalated.
 *
 * @param answerBy the new day by which the unit answers
 */
public record EscalateSupervisionCase(@TargetAggregateIdentifier String caseId, String reason, LocalDate answerBy) {
    public EscalateSupervisionCase {
        Require.id(caseId, "caseId");
        reason = Require.optionalText(reason, "reason", Limits.REASON);
        Require.present(answerBy, "answerBy");
    }
}
