package org.duban.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;
import org.duban.api.unit.UnitRef;

import java.time.LocalDate;

/**
 * Opens a supervision case with its notice (督办单) to a unit. A supervisor issues it by hand; the configured rules
 * issue it automatically under a case id made of the trigger and the item, so that the same occurrence never opens
 * a second case: the case answers whether it was issued now ({@code false}: it exists already, nothing happens).
 *
 * @param office   the supervising office of the plan, whose supervisors act on the case (null: any supervisor)
 * @param answerBy the day by which the unit answers with a rectification plan
 */
public record IssueSupervisionNotice(@TargetAggregateIdentifier String caseId, String planId, String office,
                                     SupervisedItem item, UnitRef unit, NoticeGrade grade, CaseTrigger trigger,
                                     String reason, LocalDate answerBy) {
    public IssueSupervisionNotice {
        Require.id(caseId, "caseId");
        Require.id(planId, "planId");
        office = office == null || office.isBlank() ? null : Require.id(office, "office");
        Require.present(item, "item");
        Require.present(unit, "unit");
        Require.present(grade, "grade");
        Require.present(trigger, "trigger");
        reason = Require.text(reason, "reason", Limits.REASON);
        Require.present(answerBy, "answerBy");
    }
}
