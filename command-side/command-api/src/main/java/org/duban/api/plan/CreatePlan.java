package org.duban.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

import java.time.LocalDate;

import static org.duban.api.Require.present;
import static org.duban.api.Require.text;

/**
 * Records a new plan in draft: its document metadata as printed on it. The document number (文号), the issue
 * date and the parent plan (上级规划) are optional.
 */
public record CreatePlan(@TargetAggregateIdentifier String planId, String title, String documentNumber,
                         String issuer, LocalDate issueDate, PlanPeriod period, String parentPlanId) {
    public CreatePlan {
        text(planId, "planId");
        title = text(title, "title");
        documentNumber = Require.optionalText(documentNumber);
        issuer = text(issuer, "issuer");
        present(period, "period");
        parentPlanId = Require.optionalText(parentPlanId);
        if (planId.equals(parentPlanId)) {
            throw new IllegalArgumentException("a plan cannot be its own parent plan");
        }
    }

    public CreatePlan(String planId, String title, String documentNumber, String issuer, PlanPeriod period) {
        this(planId, title, documentNumber, issuer, null, period, null);
    }
}
