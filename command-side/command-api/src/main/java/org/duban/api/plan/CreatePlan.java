package org.duban.api.plan;

import org.duban.api.Limits;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.duban.api.Require;

import java.time.LocalDate;

import static org.duban.api.Require.present;
import static org.duban.api.Require.text;

/**
 * Records a new plan in draft: its document metadata as printed on it. The document number (文号), the issue
 * date and the parent plan (上级规划) are optional. The supervising office (督查室) is named at creation: only its
 * supervisors (and administrators) act on the plan.
 */
public record CreatePlan(@TargetAggregateIdentifier String planId, String title, String documentNumber,
                         String issuer, LocalDate issueDate, PlanPeriod period, String parentPlanId,
                         String supervisingOffice) {
    public CreatePlan {
        Require.id(planId, "planId");
        title = text(title, "title", Limits.TITLE);
        documentNumber = Require.optionalText(documentNumber, "documentNumber", Limits.NAME);
        issuer = text(issuer, "issuer", Limits.NAME);
        present(period, "period");
        parentPlanId = parentPlanId == null || parentPlanId.isBlank() ? null : Require.id(parentPlanId, "parentPlanId");
        supervisingOffice = Require.text(supervisingOffice, "supervisingOffice", Limits.NAME);
        if (planId.equals(parentPlanId)) {
            throw new IllegalArgumentException("a plan cannot be its own parent plan");
        }
    }

    public CreatePlan(String planId, String title, String documentNumber, String issuer, PlanPeriod period,
                      String supervisingOffice) {
        this(planId, title, documentNumber, issuer, null, period, null, supervisingOffice);
    }
}
