package org.duban.api.supervision;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Limits;
import org.duban.api.Require;

import java.time.LocalDate;

/** The named unit answers the notice with its rectification plan (整改方案) and the day it will be done by. */
public record SubmitRectificationPlan(@TargetAggregateIdentifier String caseId, String unitId, String plan,
                                      LocalDate deadline) {
    public SubmitRectificationPlan {
        Require.id(caseId, "caseId");
        Require.id(unitId, "unitId");
        plan = Require.text(plan, "plan", Limits.NARRATIVE);
        Require.present(deadline, "deadline");
    }
}
