package org.duban.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import static org.duban.api.Require.present;
import static org.duban.api.Require.text;

/** Records a new plan in draft. The document number (文号) is optional until the plan is published. */
public record CreatePlan(@TargetAggregateIdentifier String planId, String title, String documentNumber,
                         String issuer, PlanPeriod period) {
    public CreatePlan {
        text(planId, "planId");
        title = text(title, "title");
        documentNumber = documentNumber == null || documentNumber.isBlank() ? null : documentNumber.strip();
        issuer = text(issuer, "issuer");
        present(period, "period");
    }
}
